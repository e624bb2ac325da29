/// Every subcommand, in the order `zkclear --help` lists them. One file per subcommand.
enum Commands {
    static let all: [any Subcommand.Type] = [
        CompileCommand.self,
        WitnessCommand.self,
        CheckCommand.self,
        DemoCommand.self,
    ]
}
