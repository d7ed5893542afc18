package dev.xlat64.io.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code dig +noall +comments +answer} printed, reduced to what the demo tells the user: the status of the
 * header and the answer records.
 *
 * @param status the RCODE name (NOERROR, NXDOMAIN, ...), or null when no answer came.
 * @param answers the answer records as dig printed them, whitespace collapsed to single spaces.
 * @param output everything dig printed.
 */
public record DigResult(String status, List<Record> answers, String output)
{
    private static final Pattern STATUS = Pattern.compile(";; ->>HEADER<<- opcode: \\w+, status: (\\w+),");

    /**
     * One answer record.
     *
     * @param name the owner name.
     * @param ttl the TTL in seconds.
     * @param type e.g. AAAA, PTR.
     * @param data the record data as dig prints it.
     */
    public record Record(String name, long ttl, String type, String data)
    {
        @Override
        public String toString()
        {
            return name + " " + ttl + " IN " + type + " " + data;
        }
    }

    public static DigResult parse(final String output)
    {
        final Matcher status = STATUS.matcher(output);
        final List<Record> answers = new ArrayList<>();
        for (final String line : output.lines().toList())
        {
            final String[] fields = line.strip().split("\\s+");
            if (!line.startsWith(";") && fields.length >= 5 && "IN".equals(fields[2]) && fields[1].matches("\\d+"))
            {
                answers.add(new Record(fields[0], Long.parseLong(fields[1]), fields[3],
                    String.join(" ", List.of(fields).subList(4, fields.length))));
            }
        }
        return new DigResult(status.find() ? status.group(1) : null, List.copyOf(answers), output);
    }

    /** @return the data of the first answer of this type, or null. */
    public String first(final String type)
    {
        return answers.stream().filter(r -> r.type().equals(type)).map(Record::data).findFirst().orElse(null);
    }
}
