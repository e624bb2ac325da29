/// A small argument reader: positional arguments in order, `--name value`, `--name=value`,
/// boolean `--flag`s, and `-o` style short aliases. Unknown options are errors.
struct Arguments {
    let command: String
    private(set) var positional: [String] = []
    private var options: [String: String] = [:]
    private var flags: Set<String> = []
    private var consumedOptions: Set<String> = []

    /// - Parameters:
    ///   - valueOptions: options that take a value (without dashes), e.g. ["o", "vk", "ptau"].
    ///   - flagOptions: boolean options, e.g. ["json", "progress"].
    init(command: String, _ raw: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws {
        self.command = command
        var i = 0
        var onlyPositional = false
        while i < raw.count {
            let a = raw[i]
            i += 1
            if onlyPositional || !a.hasPrefix("-") || a == "-" { positional.append(a); continue }
            if a == "--" { onlyPositional = true; continue }
            var name = a.hasPrefix("--") ? String(a.dropFirst(2)) : String(a.dropFirst())
            var inlineValue: String? = nil
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if flagOptions.contains(name) {
                guard inlineValue == nil else { throw CLIError.badValue(option: a, value: inlineValue ?? "", expected: "allowed on a flag") }
                flags.insert(name)
            } else if valueOptions.contains(name) {
                if let v = inlineValue { options[name] = v }
                else {
                    guard i < raw.count else { throw CLIError.missingValue(option: a) }
                    options[name] = raw[i]
                    i += 1
                }
            } else {
                throw CLIError.unknownOption(command: command, option: a)
            }
        }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }
    func option(_ name: String) -> String? { options[name] }

    /// The i-th positional argument or a usage error naming it.
    func positional(_ index: Int, _ name: String) throws -> String {
        guard index < positional.count else { throw CLIError.missingArgument(command: command, name: name) }
        return positional[index]
    }

    func optionalPositional(_ index: Int) -> String? { index < positional.count ? positional[index] : nil }

    /// Fails on surplus positional arguments.
    func expectAtMost(_ count: Int) throws {
        if positional.count > count {
            throw CLIError.usage("\(command): unexpected argument '\(positional[count])' (see zkclear \(command) --help)")
        }
    }

    /// An integer option with a default.
    func intOption(_ name: String, default value: Int) throws -> Int {
        guard let s = options[name] else { return value }
        guard let v = Int(s) else { throw CLIError.badValue(option: "--\(name)", value: s, expected: "an integer") }
        return v
    }
}
