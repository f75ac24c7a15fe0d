// Types for programSources.js (plain JavaScript: bin/parley.js runs it before anything is compiled).
export function programSources(src: string): string[];
export function buildIsCurrent(src: string, stamp: string): boolean;
