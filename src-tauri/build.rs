fn main() {
    // The UI is embedded at compile time; tauri-build does not watch it, so
    // without this a rebuilt UI would not reach the app until a clean build.
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::build()
}
