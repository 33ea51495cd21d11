package dev.selftest.spring;

import java.net.URI;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The servlet transport, on a real Tomcat of a Spring Boot application without Spring Security, against the contract. */
@SpringBootTest(classes = ContractApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {ContractApplication.TOKEN, ContractApplication.ENVIRONMENT})
public class ServletTransportContractTests extends dev.selftest.contract.ControlApiContractTests {
    @LocalServerPort
    private int port;

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/selftest");
    }
}
