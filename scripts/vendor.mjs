// Copies the browser libraries pinned in package.json into docs/assets/javascripts/vendor/, named by their
// version, so the site serves them from its own address (no CDN) and the build needs no npm. Run after
// changing a version in package.json: `npm ci && npm run vendor`, then commit package.json,
// package-lock.json and the vendored file (the old one removed). tests/test_frontend_print.py checks that
// the vendored copy is the pinned version's file.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";

const pinned = JSON.parse(readFileSync("package.json", "utf8")).dependencies;
const target = "docs/assets/javascripts/vendor";
// lean-qr's "nano" build: QR codes from a string, 2 KB compressed (the site draws the SVG itself).
const files = [["lean-qr", "nano.mjs", `lean-qr-${pinned["lean-qr"]}-nano.mjs`]];

mkdirSync(target, { recursive: true });
for (const name of readdirSync(target)) { if (name.endsWith(".mjs")) rmSync(`${target}/${name}`); }
for (const [pkg, file, name] of files) {
  const installed = JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")).version;
  if (installed !== pinned[pkg]) throw new Error(`${pkg}: ${installed} installed, ${pinned[pkg]} pinned: run npm ci`);
  copyFileSync(`node_modules/${pkg}/${file}`, `${target}/${name}`);
  console.log(`${target}/${name}`);
}
