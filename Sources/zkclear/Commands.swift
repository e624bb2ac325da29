/// Every subcommand, in the order `zkclear --help` lists them. One file per subcommand.
enum Commands {
    static let all: [any Subcommand.Type] = [
        CompileCommand.self,
        CheckCommand.self,
        WitnessCommand.self,
        R1CSInfoCommand.self,
        SetupCommand.self,
        ZkeyExportCommand.self,
        ZkeyExportVerificationKeyCommand.self,
        ProveCommand.self,
        VerifyCommand.self,
        LedgerCommand.self,
        LedgerInitCommand.self,
        LedgerSubmitCommand.self,
        LedgerAuditCommand.self,
        LedgerShowCommand.self,
        LedgerInclusionCommand.self,
        DemoCommand.self,
    ]
}
