/**
 * The structure of docs/architecture.md as a test: features, layers and their dependencies, checked
 * with ArchUnit on the compiled main classes.
 */
package kr.vaccinepass.portal.architecture;
