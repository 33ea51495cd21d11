/**
 * The compatibility kit of the HTTP control API: {@link dev.selftest.contract.ControlApiContractTests} is extended by
 * the tests of every transport (embedded JDK server, Spring, Jakarta REST), so all of them prove the same status
 * codes, headers, JSON shapes and problem responses against the same {@link dev.selftest.contract.ContractFixture}.
 */
@NullMarked
package dev.selftest.contract;

import org.jspecify.annotations.NullMarked;
