package dev.selftest.internal.report;

import dev.selftest.CleanupResult;
import dev.selftest.Failure;
import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.ScenarioResult;
import dev.selftest.StepResult;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run as one JUnit XML {@code testsuite} (the Surefire 3.0 schema that Jenkins, GitLab and GitHub test
 * reporters read): a {@code testcase} per scenario, failures as {@code failure}, errors and timeouts as
 * {@code error}, skips, cancellations and unfinished scenarios as {@code skipped}, steps and cleanup in
 * {@code system-out}.
 */
public final class JUnitXml {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private JUnitXml() {
    }

    /** The suite name: {@code selftest.<environment>}. */
    public static String suiteName(Run run) {
        return "selftest." + run.environment();
    }

    public static void write(Run run, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suiteName(run));
        Instant end = run.finishedAt() == null ? Instant.now() : run.finishedAt();
        xml.writeAttribute("time", seconds(Duration.between(run.startedAt(), end)));
        int pending = run.scenarioIds().size() - run.results().size();
        xml.writeAttribute("tests", Integer.toString(run.scenarioIds().size()));
        xml.writeAttribute("failures", Long.toString(run.count(Outcome.FAILED)));
        xml.writeAttribute("errors", Long.toString(run.count(Outcome.ERRORED) + run.count(Outcome.TIMED_OUT)));
        xml.writeAttribute("skipped", Long.toString(run.count(Outcome.SKIPPED) + run.count(Outcome.CANCELLED)
                + pending));
        writeProperties(xml, run);
        for (ScenarioResult result : run.results()) {
            writeTestcase(xml, run, result);
        }
        for (String id : RunJson.pendingIds(run)) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", id);
            xml.writeAttribute("classname", suiteName(run));
            xml.writeAttribute("time", "0");
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", "not finished: the run is " + run.status());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static void writeProperties(XMLStreamWriter xml, Run run) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "selftest.run.id", run.id());
        property(xml, "selftest.run.status", run.status().name());
        property(xml, "selftest.run.trigger", run.trigger().wireName());
        property(xml, "selftest.environment", run.environment());
        property(xml, "selftest.run.startedAt", run.startedAt().toString());
        for (Map.Entry<String, String> label : run.labels().entrySet()) {
            property(xml, "selftest.label." + label.getKey(), label.getValue());
        }
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void writeTestcase(XMLStreamWriter xml, Run run, ScenarioResult result)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", result.scenarioId());
        xml.writeAttribute("classname", suiteName(run));
        xml.writeAttribute("time", seconds(result.duration()));
        Failure failure = result.failure();
        switch (result.outcome()) {
            case FAILED -> problem(xml, "failure", failure);
            case ERRORED, TIMED_OUT -> problem(xml, "error", failure);
            case SKIPPED, CANCELLED -> {
                xml.writeStartElement("skipped");
                if (failure != null) {
                    xml.writeAttribute("message", clean(failure.message()));
                }
                xml.writeEndElement();
            }
            case PASSED -> { }
        }
        String out = systemOut(result);
        if (!out.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(out));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, Failure failure) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(failure.message()));
        xml.writeAttribute("type", clean(failure.type()));
        xml.writeCharacters(clean(failure.stackTrace() != null ? failure.stackTrace() : failure.message()));
        xml.writeEndElement();
    }

    private static String systemOut(ScenarioResult result) {
        StringBuilder out = new StringBuilder();
        for (StepResult step : result.steps()) {
            out.append("step ").append(step.name()).append(": ").append(step.outcome())
                    .append(" (").append(step.duration().toMillis()).append(" ms)");
            if (step.message() != null) {
                out.append(" - ").append(step.message());
            }
            out.append('\n');
        }
        for (CleanupResult cleanup : result.cleanup()) {
            out.append("cleanup ").append(cleanup.description()).append(": ")
                    .append(cleanup.cleaned() ? "cleaned" : "FAILED - " + cleanup.message()).append('\n');
        }
        return out.toString();
    }

    /** Seconds with three decimals, as the schema's SUREFIRE_TIME pattern wants. */
    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }

    /** Drops characters XML 1.0 cannot carry. */
    private static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(cleaned::appendCodePoint);
        return cleaned.toString();
    }
}
