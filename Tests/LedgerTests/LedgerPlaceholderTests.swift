import XCTest
@testable import Ledger

/// Placeholder until this module's issue lands: checks the module links.
final class LedgerPlaceholderTests: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true, "the Ledger module builds and links") }
}
