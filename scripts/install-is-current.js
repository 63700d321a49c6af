#!/usr/bin/env node
/* Exit 0 when node_modules already holds exactly what package-lock.json locks, so that `npm run test:all` can skip
 * reinstalling what `npm install` just installed; exit 1 (with the reason) when it must run `npm ci`: no node_modules
 * (a clean clone, as CI has), or any package missing, extra, or at another version or integrity.
 *
 *   node scripts/install-is-current.js [project folder]
 *
 * npm itself records what it installed in node_modules/.package-lock.json (the "hidden lockfile"); this compares that
 * record with the lockfile, and checks that every package it records is still on disk. Optional packages for other
 * platforms (esbuild's, say) are in the lockfile but rightly not installed.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Why node_modules does not match the lockfile, or undefined when it does. */
function mismatch(root) {
  const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
  const hiddenFile = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(hiddenFile)) return 'node_modules has no record of an npm install (node_modules/.package-lock.json)';
  let locked;
  let installed;
  try {
    locked = read(path.join(root, 'package-lock.json')).packages ?? {};
    installed = read(hiddenFile).packages ?? {};
  } catch (err) {
    return `cannot read the lockfiles: ${err.message}`;
  }
  for (const [location, want] of Object.entries(locked)) {
    if (location === '') continue;
    const have = installed[location];
    if (!have) {
      if (want.optional) continue;
      return `${location} is locked but not installed`;
    }
    if (have.version !== want.version || (want.integrity && have.integrity !== want.integrity)) {
      return `${location} is ${have.version} in node_modules, ${want.version} in the lockfile`;
    }
  }
  for (const [location, have] of Object.entries(installed)) {
    if (!locked[location]) return `${location} is installed but not in the lockfile`;
    if (!have.link && !fs.existsSync(path.join(root, location, 'package.json'))) return `${location} is recorded as installed but is not there`;
  }
  return undefined;
}

if (require.main === module) {
  const why = mismatch(path.resolve(process.argv[2] ?? path.join(__dirname, '..')));
  if (why) {
    console.log(`node_modules does not match package-lock.json (${why}): installing.`);
    process.exit(1);
  }
  console.log('node_modules already matches package-lock.json: not reinstalling.');
}

module.exports = { mismatch };
