#!/usr/bin/env node
// A one-shot command (a scan) runs for a second or two. At V8's default threshold the
// optimizing compiler spent about a third of a cold corpus scan's CPU compiling functions that
// had stopped running by the time they were optimized (hundreds of controls, translators and
// readers, each hot briefly). A higher threshold leaves it the code that stays hot (a large
// template's loops are still optimized). `serve` runs for long and keeps V8's default, as does
// a process started with its own `node --interrupt-budget=…`.
import { setFlagsFromString } from 'node:v8';

if (process.argv[2] !== 'serve' && !process.execArgv.some((o) => o.startsWith('--interrupt-budget'))) setFlagsFromString('--interrupt-budget=500000');

const { main } = await import('../dist/src/cli/main.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
