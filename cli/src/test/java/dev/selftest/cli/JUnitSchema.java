package dev.selftest.cli;

import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks reports against the Surefire 3.0 schema that CI test reporters read, and reads them back. */
final class JUnitSchema {
    private static final Schema SCHEMA = load();

    private JUnitSchema() {
    }

    private static Schema load() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(JUnitSchema.class.getResource("/surefire-test-report-3.0.xsd"));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws org.xml.sax.SAXException naming the first violation */
    static void validate(Path file) throws Exception {
        SCHEMA.newValidator().validate(new StreamSource(file.toFile()));
    }

    static Element suite(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    static String property(Element suite, String name) {
        NodeList properties = suite.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals(name)) {
                return property.getAttribute("value");
            }
        }
        return null;
    }
}
