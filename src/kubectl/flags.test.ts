import { describe, expect, it } from 'vitest';
import { boolFlag, parseFlags, sliceFlag, stringFlag, FlagError, arrayFlag } from './flags';

const SPECS = [stringFlag('namespace', 'n'), boolFlag('all-namespaces', 'A'), boolFlag('stdin', 'i'), boolFlag('tty', 't'), sliceFlag('filename', 'f'), arrayFlag('env'), stringFlag('dry-run', undefined, 'unchanged')];

describe('parseFlags', () => {
  it('accepts flags before, between and after positionals in every spelling', () => {
    const p = parseFlags(['-nkube-system', 'pods', '--env', 'A=1', '-it', '--env=B=2', 'web', '-f', 'a.yaml,b.yaml'], SPECS);
    expect(p.args).toEqual(['pods', 'web']);
    expect(p.values.get('namespace')).toBe('kube-system');
    expect(p.values.get('stdin')).toBe(true);
    expect(p.values.get('tty')).toBe(true);
    expect(p.values.get('env')).toEqual(['A=1', 'B=2']);
    expect(p.values.get('filename')).toEqual(['a.yaml', 'b.yaml']);
  });

  it('stops at -- and remembers where', () => {
    const p = parseFlags(['web', '--', 'sh', '-c', 'echo hi'], SPECS);
    expect(p.args).toEqual(['web', 'sh', '-c', 'echo hi']);
    expect(p.argsLenAtDash).toBe(1);
  });

  it('gives a bare --dry-run its no-option default and words errors as pflag does', () => {
    expect(parseFlags(['--dry-run'], SPECS).values.get('dry-run')).toBe('unchanged');
    expect(() => parseFlags(['--foo'], SPECS)).toThrow(new FlagError('unknown flag: --foo'));
    expect(() => parseFlags(['-x'], SPECS)).toThrow(new FlagError("unknown shorthand flag: 'x' in -x"));
    expect(() => parseFlags(['--namespace'], SPECS)).toThrow(new FlagError('flag needs an argument: --namespace'));
  });
});
