// Debian's Chromium for browser tests (never a downloaded browser build).
'use strict';

const fs = require('node:fs');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

function findChromium() {
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      "Chromium not found: install Debian's chromium and a CJK font (apt-get install -y chromium fonts-wqy-microhei) or set CHROMIUM_PATH.",
    );
  }
  return found;
}

/** Flags for a headless Chromium on a machine without a network or a GPU, as root. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

module.exports = { findChromium, CHROMIUM_ARGS };
