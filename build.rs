//! Build script: on Windows, embeds the app icon and the product name in the executable, which
//! Explorer, the taskbar and the installer's shortcuts show. Nothing to do on other systems.

fn main() -> std::io::Result<()> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=packaging/icons/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut resource = winresource::WindowsResource::new();
        resource.set_icon("packaging/icons/icon.ico");
        resource.set("ProductName", "Customs Radar");
        resource.set("FileDescription", "Customs Radar");
        resource.compile()?;
    }
    Ok(())
}
