package dev.selftest.cli.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Writes one JUnit XML file per instance, {@code TEST-selftest-<instance>.xml}, so that Jenkins, GitLab and GitHub
 * reporters show each instance on its own: the suite and every test case's class name become
 * {@code selftest.<environment>.<instance>}, and a {@code selftest.instance} property holds the URL. An instance
 * that gave no report (unreachable, refused) gets a suite with one errored test case saying why.
 */
final class JUnitReports {
    private JUnitReports() {
    }

    static Path write(InstanceResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("TEST-selftest-" + result.target().key() + ".xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            if (result.junitXml() != null) {
                rewrite(result, out);
            } else {
                writeError(result, out);
            }
        }
        return file;
    }

    static String suiteName(InstanceResult result) {
        String environment = result.run() == null ? "unknown" : result.run().path("environment").asText("unknown");
        return "selftest." + environment + "." + result.target().key();
    }

    private static void rewrite(InstanceResult result, OutputStream out) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(result.junitXml()));
            Element suite = document.getDocumentElement();
            String name = suiteName(result);
            suite.setAttribute("name", name);
            NodeList testcases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < testcases.getLength(); i++) {
                ((Element) testcases.item(i)).setAttribute("classname", name);
            }
            NodeList properties = suite.getElementsByTagName("properties");
            Element list = properties.getLength() > 0 ? (Element) properties.item(0)
                    : (Element) suite.insertBefore(document.createElement("properties"), suite.getFirstChild());
            Element instance = document.createElement("property");
            instance.setAttribute("name", "selftest.instance");
            instance.setAttribute("value", result.target().base().toString());
            list.appendChild(instance);
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (ParserConfigurationException | SAXException | TransformerException e) {
            throw new IOException("the JUnit XML of " + result.target().label() + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    private static void writeError(InstanceResult result, OutputStream out) throws IOException {
        String name = suiteName(result);
        String message = result.error() == null ? "no report" : result.error();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", name);
            xml.writeAttribute("time", "0");
            xml.writeAttribute("tests", "1");
            xml.writeAttribute("failures", "0");
            xml.writeAttribute("errors", "1");
            xml.writeAttribute("skipped", "0");
            xml.writeStartElement("properties");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", "selftest.instance");
            xml.writeAttribute("value", result.target().base().toString());
            xml.writeEndElement();
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", "selftest run");
            xml.writeAttribute("classname", name);
            xml.writeAttribute("time", "0");
            xml.writeStartElement("error");
            xml.writeAttribute("type", result.verdict().name());
            xml.writeAttribute("message", message);
            xml.writeCharacters(message);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }
}
