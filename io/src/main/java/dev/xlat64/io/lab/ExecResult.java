package dev.xlat64.io.lab;

/**
 * Exit code and combined stdout/stderr of a command run by {@link NetnsLab}.
 *
 * @param exitCode the process exit code
 * @param output   stdout and stderr, interleaved as the process wrote them
 */
public record ExecResult(int exitCode, String output)
{
    /** True when the command exited with 0. */
    public boolean ok()
    {
        return 0 == exitCode;
    }
}
