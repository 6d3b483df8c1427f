// Scripts run by `/bin/sh -c` against the real busybox 1.35 sh (`busybox sh -c SCRIPT` with PATH on its applets):
// stdout, stderr and exit code must match byte for byte.
import { describe, expect, it } from 'vitest';
import { fakeHost } from './fake-host';
import { runShell } from './run';

function run(script: string) {
  const r = runShell(['/bin/sh', '-c', script], fakeHost());
  const text = (s: 'stdout' | 'stderr') => r.output.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { stdout: text('stdout'), stderr: text('stderr'), code: r.exitCode };
}

/** [script, stdout, stderr, exit code] as busybox printed them. */
const CASES: [string, string, string, number][] = [
  ["echo 'single $HOME' \"double \\$x \\\"q\\\"\" back\\ slash", "single $HOME double $x \"q\" back slash\n", "", 0],
  ["x=1; y=\"$x 2\"; echo \"$y\" ${y} ${z:-dflt} ${z-unset} \"${z:=set}\" $z", "1 2 1 2 dflt unset set set\n", "", 0],
  ["echo $(echo sub) `echo back` \"$(echo \"nested $(echo deep)\")\"", "sub back nested deep\n", "", 0],
  ["false; echo $?; true && echo and; false || echo or; ! false; echo $?", "1\nand\nor\n0\n", "", 0],
  ["set -- a \"b c\" d; echo $#; for i in \"$@\"; do echo \"[$i]\"; done; for i in $*; do echo \"<$i>\"; done", "3\n[a]\n[b c]\n[d]\n<a>\n<b>\n<c>\n<d>\n", "", 0],
  ["v=abc.tar.gz; echo ${v%.*} ${v%%.*} ${v#*.} ${v##*.} ${#v}", "abc.tar abc tar.gz gz 10\n", "", 0],
  ["echo $((3 + 4 * 2)) $((10 % 3)) $((1 < 2)) $(( (1+2) * 3 ))", "11 1 1 9\n", "", 0],
  ["cat <<EOF\nhello $USER_X\n  tab \\$ $((1+1))\nEOF", "hello \n  tab $ 2\n", "", 0],
  ["cat <<'EOF'\nraw $HOME `x`\nEOF", "raw $HOME `x`\n", "", 0],
  ["cat <<-EOF\n\tstripped\n\tEOF", "stripped\n", "", 0],
  ["if [ 1 -gt 2 ]; then echo a; elif [ 2 -gt 1 ]; then echo b; else echo c; fi", "b\n", "", 0],
  ["i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i", "1\n2\n3\n0\n", "", 0],
  ["for f in a b c; do case $f in a) echo A;; b|c) echo BC;; esac; done", "A\nBC\nBC\n", "", 0],
  ["case \"x y\" in \"x \"*) echo quoted-glob;; *) echo no;; esac", "quoted-glob\n", "", 0],
  ["f() { echo \"args:$#:$1\"; return 3; }; f one two; echo $?", "args:2:one\n3\n", "", 0],
  ["echo out; echo err >&2; echo both 2>&1", "out\nboth\n", "err\n", 0],
  ["nosuchcmd 2>/dev/null; echo $?", "127\n", "", 0],
  ["echo a; exit 5; echo b", "a\n", "", 5],
  ["(exit 7); echo $?; (cd /; pwd); pwd", "7\n/\n/\n", "", 0],
  ["echo one two | while read a b; do echo \"$b-$a\"; done", "two-one\n", "", 0],
  ["echo \"a b  c\" | tr ' ' '\\n' | grep -c .", "3\n", "", 0],
  ["for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done; for i in 1 2 3; do [ $i = 2 ] && break; echo $i; done", "1\n3\n1\n", "", 0],
  ["export FOO=bar; sh -c 'echo $FOO' ", "bar\n", "", 0],
  ["echo \"$(printf 'a\\n\\n\\n')|\"", "a|\n", "", 0],
  ["echo ${undefined_var:-\"with space\"} \"${nothing}\" end", "with space  end\n", "", 0],
  ["x='*'; echo \"$x\"; echo '$x' ", "*\n$x\n", "", 0],
  ["echo -e 'tab\\there'; echo -n 'no'; echo ' newline' ", "tab\there\nno newline\n", "", 0],
  ["printf '%s=%d\\n' a 1 b 2; printf '%-4s|%4s|\\n' ab cd; printf '%03d %x %o %c\\n' 7 255 8 hello", "a=1\nb=2\nab  |  cd|\n007 ff 10 h\n", "", 0],
  ["test -n \"\" ; echo $?; [ \"a\" != \"b\" ]; echo $?; [ ! -e /nonexistent ]; echo $?; [ 3 -le 3 -a 1 -eq 1 ]; echo $?", "1\n0\n0\n0\n", "", 0],
  ["seq 1 3 | sort -r | head -2 | tail -1", "2\n", "", 0],
  ["printf 'b 2\\na 1\\nc 3\\n' | sort -k2 -n | cut -d' ' -f1 | uniq | wc -l", "3\n", "", 0],
  ["echo ${x:?custom message}; echo notreached", "", "/bin/sh: x: custom message\n", 2],
  ["echo \"unterminated", "", "/bin/sh: syntax error: unterminated quoted string\n", 2],
  ["if true; then echo", "", "/bin/sh: syntax error: unexpected end of file (expecting \"fi\")\n", 2],
  ["echo )", "", "/bin/sh: syntax error: unexpected \")\"\n", 2],
  ["cd /nonexistent; echo rc=$?", "rc=2\n", "/bin/sh: cd: line 0: can't cd to /nonexistent: No such file or directory\n", 0],
  ["echo hi > /nonexistent/f; echo rc=$?", "rc=1\n", "/bin/sh: can't create /nonexistent/f: nonexistent directory\n", 0],
  ["cat < /nonexistent; echo rc=$?", "rc=1\n", "/bin/sh: can't open /nonexistent: no such file\n", 0],
  ["/etc/passwd; echo rc=$?", "rc=126\n", "/bin/sh: /etc/passwd: Permission denied\n", 0],
  ["/nonexistent/cmd; echo rc=$?", "rc=127\n", "/bin/sh: /nonexistent/cmd: not found\n", 0],
  ["cd /tmp && mkdir -p a/b && touch a/b/f1 a/b/f2 a/g && echo a/b/* a/*; echo a/nomatch*", "a/b/f1 a/b/f2 a/b a/g\na/nomatch*\n", "", 0],
  ["cd /tmp && echo x > f && echo y >> f && cat f && wc -l < f && cat f nofile; echo rc=$?", "x\ny\n2\nx\ny\nrc=1\n", "cat: can't open 'nofile': No such file or directory\n", 0],
  ["cd /tmp && mkdir d && echo 1 > d/one && cp d/one d/two && mv d/two d/three && ls d && rm -r d && ls d; echo rc=$?", "one\nthree\nrc=1\n", "ls: d: No such file or directory\n", 0],
  ["exit 300", "", "", 44],
  ["printf '%d\\n' abc; echo rc=$?", "0\nrc=1\n", "sh: invalid number 'abc'\n", 0],
  ["sleep; echo rc=$?", "rc=1\n", "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n", 0],
  ["[ 1 -lt ]; echo rc=$?", "rc=2\n", "sh: -lt: argument expected\n", 0],
  ["x=5; x=$((x*2)); echo $x; echo $(( x > 5 ? 1 : 0 ))", "10\n1\n", "", 0],
  ["IFS=:; set -- $(echo a:b:c); echo $#; echo \"$*\"", "3\na:b:c\n", "", 0],
];

describe('sh -c, compared with busybox', () => {
  it.each(CASES)('%s', (script, stdout, stderr, code) => {
    expect(run(script)).toEqual({ stdout, stderr, code });
  });
});
