// Applets against busybox 1.35's output for the same input (run with `busybox sh -c` in a scratch dir).
import { describe, expect, it } from 'vitest';
import { fakeHost, MONDAY_9AM } from '../fake-host';
import { runShell } from '../run';
import { formatDate } from './date';
import { human } from './files';

function sh(script: string, startMs = MONDAY_9AM) {
  const r = runShell(['/bin/sh', '-c', `cd /tmp; printf 'b\\na\\nb\\nc d\\n' > f; ${script}`], fakeHost({ startMs }));
  return r.output.map((c) => c.text).join('');
}

describe('text applets', () => {
  it.each([
    ['wc f', '        4         5        10 f\n'],
    ['wc -l f; wc -l < f; cat f | wc', '4 f\n4\n        4         5        10\n'],
    ['grep -n b f; grep -c b f; grep -v b f; grep -i B f', '1:b\n3:b\n2\na\nc d\nb\nb\n'],
    ['grep b nofile; echo rc=$?', 'grep: nofile: No such file or directory\nrc=2\n'],
    ['head -n 2 f; head -1 f; tail -n 1 f; tail -2 f', 'b\na\nb\nc d\nb\nc d\n'],
    ['seq 3; seq 2 4; seq 1 2 7', '1\n2\n3\n2\n3\n4\n1\n3\n5\n7\n'],
    ['cut -d" " -f2 f; cut -c1-2 f', 'b\na\nb\nd\nb\na\nb\nc \n'],
    ['sort f; sort -r f; sort -u f', 'a\nb\nb\nc d\nc d\nb\nb\na\na\nb\nc d\n'],
    ['uniq -c f; sort f | uniq -c', '      1 b\n      1 a\n      1 b\n      1 c d\n      1 a\n      2 b\n      1 c d\n'],
    ['echo hello | tr a-z A-Z; echo hello | tr -d l; echo "a  b" | tr -s " "', 'HELLO\nheo\na b\n'],
    ['basename /a/b/c.txt .txt; dirname /a/b/c; dirname c; basename /', 'c\n/a/b\n.\n/\n'],
    ['printf "%5s|%-5s|%05d|%x|%o|%c|%e|%.2f|%b\\n" ab cd 42 255 8 xyz 1.5 3.14159 "a\\tb"', '   ab|cd   |00042|ff|10|x|1.500000e+00|3.14|a\tb\n'],
    ['echo -e "a\\nb\\c"; echo -n x; echo; echo "\\n"; echo -e "\\x41\\0101"', 'a\nbx\n\\n\nAA\n'],
    ['cat nofile d; mkdir /tmp; rm nofile; rm /tmp; cp nofile x; mv nofile x; touch /nope/x', "cat: can't open 'nofile': No such file or directory\ncat: can't open 'd': No such file or directory\nmkdir: can't create directory '/tmp': File exists\nrm: can't remove 'nofile': No such file or directory\nrm: '/tmp' is a directory\ncp: can't stat 'nofile': No such file or directory\nmv: can't rename 'nofile': No such file or directory\ntouch: /nope/x: No such file or directory\n"],
    ['sleep x; echo rc=$?', "sleep: invalid number 'x'\nrc=1\n"],
  ])('%s', (script, expected) => {
    expect(sh(script)).toBe(expected);
  });
});

describe('system and file applets', () => {
  it('prints id, whoami, hostname and uname as busybox in a container', () => {
    expect(sh('id; whoami; hostname; uname')).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\nroot\ntest\nLinux\n');
  });

  it('lists long format with old files dated by year and recent ones by time', () => {
    const out = sh('mkdir d; touch d/x; ls -l; ls -la d', MONDAY_9AM);
    expect(out).toBe(
      'total 8\n' +
        'drwxr-xr-x    2 root     root          4096 Jan  5 09:00 d\n' +
        '-rw-r--r--    1 root     root            10 Jan  5 09:00 f\n' +
        'total 8\n' +
        'drwxr-xr-x    2 root     root          4096 Jan  5 09:00 .\n' +
        'drwxrwxrwx    3 root     root          4096 Jan  5 09:00 ..\n' +
        '-rw-r--r--    1 root     root             0 Jan  5 09:00 x\n',
    );
    expect(sh('ls -ld /usr')).toBe('drwxr-xr-x    5 root     root          4096 Sep 26  2024 /usr\n');
  });

  it('adds up du in 4K blocks, human-readable as busybox rounds', () => {
    expect(sh('mkdir -p d/e; echo hi > d/e/x; du d; du -sh d')).toBe('8\td/e\n12\td\n12.0K\td\n');
    expect([human(6), human(1024), human(772915), human(5_000_000), human(252 * 1024 ** 3)]).toEqual(['6', '1.0K', '754.8K', '4.8M', '252.0G']);
  });

  it('formats df like busybox', () => {
    expect(sh('df -h / | head -1')).toBe('Filesystem                Size      Used Available Use% Mounted on\n');
    expect(sh('df /').split('\n')[1]).toMatch(/^overlay +61255492 +\d+ +\d+ +\d+% \/$/);
  });

  it('answers nslookup from the cluster DNS and fails on unknown names', () => {
    const host = fakeHost({ dns: { 'db.default.svc.cluster.local': ['10.96.112.7'] } });
    const ok = runShell(['nslookup', 'db'], host).output.map((c) => c.text).join('');
    expect(ok).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tdb.default.svc.cluster.local\nAddress: 10.96.112.7\n\n');
    const ko = runShell(['nslookup', 'nope'], host);
    expect(ko.exitCode).toBe(1);
    expect(ko.output.map((c) => c.text).join('')).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n\n** server can't find nope: NXDOMAIN\n\n");
  });

  it("says wget: bad address for names the DNS does not know", () => {
    const r = runShell(['wget', '-q', '-O-', 'http://nosuch.invalid'], fakeHost());
    expect(r.output).toEqual([{ atMs: 0, stream: 'stderr', text: "wget: bad address 'nosuch.invalid'\n" }]);
    expect(r.exitCode).toBe(1);
  });

  it('fetches through host.connect', () => {
    const host = { ...fakeHost({ dns: { 'web.default.svc.cluster.local': ['10.96.0.20'] } }), connect: () => ({ ok: true as const, body: '<h1>hi</h1>\n', durationMs: 3 }) };
    const r = runShell(['wget', '-q', '-O-', 'http://web'], host);
    expect(r.output).toEqual([{ atMs: 3, stream: 'stdout', text: '<h1>hi</h1>\n' }]);
  });
});

describe('date', () => {
  const at = Date.UTC(2026, 0, 5, 9, 0, 0);
  it.each([
    ['%a %b %e %H:%M:%S %Z %Y', 'Mon Jan  5 09:00:00 UTC 2026'],
    ['%Y%m%dT%H%M%S', '20260105T090000'],
    ['%a %b %e %j %y %Z %z %p %I %l %k %u %w %D %F %R %h', 'Mon Jan  5 005 26 UTC +0000 AM 09  9  9 1 1 01/05/26 2026-01-05 09:00 Jan'],
    ['%% %C %N %V %U %G %s %T', '% 20 %N 02 01 2026 1767603600 09:00:00'],
  ])('formats %s like busybox date', (fmt, expected) => {
    expect(formatDate(fmt, at)).toBe(expected);
  });

  it('reads the simulated clock, so sleep moves it', () => {
    expect(sh('date; sleep 90; date -u; date -I; date +%s')).toBe('Mon Jan  5 09:00:00 UTC 2026\nMon Jan  5 09:01:30 UTC 2026\n2026-01-05\n1767603690\n');
  });
});
