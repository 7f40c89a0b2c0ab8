/// Schakel's version: `schakel --version`, and the Debian package's (`Scripts/build-deb.sh` asks
/// the binary). Raise it with every release; the package's changelog names it.
enum SchakelVersion {
    static let current = "0.29.0"
}
