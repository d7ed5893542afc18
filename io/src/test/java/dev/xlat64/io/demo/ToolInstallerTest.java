package dev.xlat64.io.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolInstallerTest
{
    @TempDir
    Path dir;

    @Test
    void shouldListThePackagesOfCommandsNotOnThePath() throws Exception
    {
        final Path present = Files.createFile(dir.resolve("xlat64-test-present"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        final Map<String, String> tools = new LinkedHashMap<>();
        tools.put(present.getFileName().toString(), "present-pkg");
        tools.put("xlat64-test-absent-a", "absent-pkg");
        tools.put("xlat64-test-absent-b", "absent-pkg");
        tools.put("xlat64-test-absent-c", "other-pkg");

        assertEquals(List.of("absent-pkg", "other-pkg"), ToolInstaller.missingPackages(tools, dir.toString()));
    }
}
