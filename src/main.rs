fn main() {
    // Past `ulimit -f`, a write fails with an error we report, instead of the
    // kernel killing the process without a word.
    switchboard::signals::report_file_size_limit_as_error();
    switchboard::store::configure_sqlite();
    let code = switchboard::cli::main(std::env::args_os().collect());
    std::process::exit(code);
}
