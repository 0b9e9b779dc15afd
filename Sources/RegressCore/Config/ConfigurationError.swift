import Foundation

/// A problem in a configuration or policy file, with the file, line and key path it is at.
public struct ConfigurationError: Error, Equatable, Sendable, LocalizedError {
    public let file: String
    public let line: Int?
    /// Dotted path of the offending key (`artifacts[1].keys`), "" for the whole document.
    public let keyPath: String
    public let message: String

    public init(file: String, line: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    public var errorDescription: String? {
        let place = line.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(place): \(message)" : "\(place): \(keyPath): \(message)"
    }
}
