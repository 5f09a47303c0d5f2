fn main() {
    let code = switchboard::cli::main(std::env::args_os().collect());
    std::process::exit(code);
}
