import XCTest
@testable import Polynomials

/// Placeholder until this module's issue lands: checks the module links.
final class PolynomialsPlaceholderTests: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true, "the Polynomials module builds and links") }
}
