// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "captions",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "captions", targets: ["captions"]),
        .executable(name: "captions-editor", targets: ["CaptionsEditor"]),
        .library(name: "CaptionKit", targets: ["CaptionKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The curator's editor only (captions-editor); `captions` itself builds without SwiftNIO.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CHarfBuzz",
            pkgConfig: "harfbuzz",
            providers: [.apt(["libharfbuzz-dev"])]
        ),
        .systemLibrary(
            name: "CFontconfig",
            pkgConfig: "fontconfig",
            providers: [.apt(["libfontconfig-dev"])]
        ),
        .target(
            name: "CaptionKit",
            dependencies: [
                "CLibXML2",
                "CLibYAML",
                "CHarfBuzz",
                "CFontconfig",
            ]
        ),
        .executableTarget(
            name: "captions",
            dependencies: [
                "CaptionKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "CaptionsEditor",
            dependencies: [
                "CaptionKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            // The interface strings (a caption collection) and assets, read from the source tree or beside the binary.
            exclude: ["Resources"]
        ),
        .testTarget(
            name: "CaptionKitTests",
            // CLibXML2: the tests validate exports against the XLIFF schemas with libxml2.
            dependencies: ["CaptionKit", "CLibXML2"],
            // Golden files and fixtures are read through #filePath-relative paths, not bundled.
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "CaptionsCLITests",
            dependencies: ["captions", "CaptionKit"],
            // Helper scripts run by the tests from the source tree.
            exclude: ["Resources"]
        ),
        .testTarget(
            name: "CaptionsEditorTests",
            dependencies: [
                "CaptionsEditor",
                "CaptionKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
