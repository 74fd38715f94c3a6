//! The `gloss` binary: everything happens in the library's command line.

fn main() -> std::process::ExitCode {
    gloss::cli::main()
}
