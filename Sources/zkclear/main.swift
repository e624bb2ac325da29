import Foundation

/// zkclear — every arrow of the pipeline is a subcommand (see `zkclear --help`).
nonisolated(unsafe) let registry: [any Subcommand.Type] = Commands.all // immutable after start-up

func topLevelHelp() -> String {
    var s = """
    zkclear — private settlement of options and futures with Groth16 proofs on BN254.
    Files are circom/snarkjs-compatible (.r1cs, .wtns, .zkey, verification_key.json, proof.json, public.json).

    usage: zkclear <command> [arguments] [options]

    commands:

    """
    let width = registry.map { $0.path.joined(separator: " ").count }.max() ?? 10
    for c in registry {
        let name = c.path.joined(separator: " ")
        s += "  \(name)\(String(repeating: " ", count: width - name.count + 2))\(c.summary)\n"
    }
    s += """

    Run `zkclear <command> --help` for a command's arguments and options.
    Exit codes: 0 success, 1 a check failed (invalid proof, unsatisfied witness, rejected batch),
    2 bad usage or malformed input. Errors go to stderr.
    """
    return s
}

func main() -> Int32 {
    let argv = Array(CommandLine.arguments.dropFirst())
    if argv.isEmpty || argv == ["--help"] || argv == ["-h"] || argv == ["help"] {
        print(topLevelHelp())
        return argv.isEmpty ? ExitCode.usage.rawValue : 0
    }
    if argv == ["--version"] { print("zkclear 0.1.0"); return 0 }
    // The longest registered path that prefixes argv selects the command.
    let match = registry
        .filter { argv.count >= $0.path.count && Array(argv.prefix($0.path.count)) == $0.path }
        .max { $0.path.count < $1.path.count }
    guard let command = match else {
        printError("zkclear: unknown command '\(argv.joined(separator: " "))'\n\n\(topLevelHelp())")
        return ExitCode.usage.rawValue
    }
    let rest = Array(argv.dropFirst(command.path.count))
    if rest.contains("--help") || rest.contains("-h") {
        print(command.help)
        return 0
    }
    do {
        return try command.run(rest).rawValue
    } catch let e as CLIError {
        printError("zkclear \(command.path.joined(separator: " ")): \(e)")
        return e.exitCode.rawValue
    } catch {
        printError("zkclear \(command.path.joined(separator: " ")): \(error)")
        return ExitCode.usage.rawValue
    }
}

exit(main())
