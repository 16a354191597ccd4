// Copies the browser libraries pinned in package.json into docs/assets/javascripts/vendor/, byte for byte, as
// package.json's "vendor" map names them ({version} is the pinned version), so the site serves them from its own
// address (no CDN) and a build needs no npm for them. Run after changing a version in package.json:
// `npm ci && npm run vendor`, then commit package.json, package-lock.json and the vendored files (old ones are
// removed). tests/test_frontend_assets.py checks that every vendored file is the pinned package's file.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";

const manifest = JSON.parse(readFileSync("package.json", "utf8"));
const target = "docs/assets/javascripts/vendor";

mkdirSync(target, { recursive: true });
for (const name of readdirSync(target)) rmSync(`${target}/${name}`);
for (const [pkg, files] of Object.entries(manifest.vendor)) {
  const pinned = manifest.dependencies[pkg];
  const installed = JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")).version;
  if (installed !== pinned) throw new Error(`${pkg}: ${installed} installed, ${pinned} pinned: run npm ci`);
  for (const [file, name] of Object.entries(files)) {
    const vendored = name.replace("{version}", pinned);
    copyFileSync(`node_modules/${pkg}/${file}`, `${target}/${vendored}`);
    console.log(`${target}/${vendored}`);
  }
}
