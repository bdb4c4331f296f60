// Differential: random HTTPie commands through HTTPie itself (`http --offline`, Debian's httpie
// 3.2.1, run in one Python process) and through importHttpie: the same method, target, body and
// Content-Type, so the imported body hashes as HTTPie's would. Skipped where HTTPie is absent.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importHttpie } from './importHttpie';

const PYTHON = '/usr/bin/python3';
const ORACLE = `
import io, json, sys
from httpie.context import Environment
from httpie.core import main
from httpie.plugins.registry import plugin_manager
# No plugins: the request is HTTPie's own, and each run skips a scan of installed packages.
plugin_manager.load_installed_plugins = lambda *args, **kwargs: None
out = []
for args in json.load(sys.stdin):
    stdout = io.BytesIO()
    env = Environment(stdout=stdout, stdin=None, stdin_isatty=True, stdout_isatty=False, stderr=io.StringIO())
    try:
        code = main(['http', '--offline', '--ignore-stdin', '--print=HB', *args], env=env)
    except SystemExit as error:
        code = error.code
    out.append({'ok': int(getattr(code, 'value', code) or 0) == 0, 'text': stdout.getvalue().decode('utf-8', 'replace')})
print(json.dumps(out))
`;

const hasHttpie = spawnSync(PYTHON, ['-c', 'import httpie.core'], { stdio: 'ignore' }).status === 0;

/** Single-quotes a word for bash, as a user would paste it. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

const header = fc
  .tuple(fc.constantFrom('X-A', 'X-Trace', 'Accept'), fc.constantFrom('1', 'a b', 'é', 'x:y'))
  .map(([name, value]) => `${name}:${value}`);
const text = fc.constantFrom('1', 'x y', 'é', '&=?', '', 'a\\b', 'ü🙂');
const dataKey = fc.constantFrom('a', 'b', 'a b', 'n[x]', 'n[y]', 'list[]', 'arr[1]');
const data = fc.tuple(dataKey, text).map(([key, value]) => `${key}=${value}`);
const json = fc
  .tuple(
    fc.constantFrom('j', 'k', 'n[z]'),
    fc.constantFrom('1', 'true', 'null', '[1, "é"]', '{"x": {"y": 2}}', '"s"'),
  )
  .map(([key, value]) => `${key}:=${value}`);
const query = fc.tuple(fc.constantFrom('q', 'r s'), text).map(([key, value]) => `${key}==${value}`);

const command = fc.record({
  form: fc.boolean(),
  method: fc.constantFrom(undefined, 'POST', 'PUT', 'get'),
  url: fc.constantFrom(
    'h.example/p',
    'https://h.example/a?b=1',
    ':5174/prod/hello',
    '127.0.0.1:5174/x',
  ),
  items: fc.array(fc.oneof(header, data, json, query), { maxLength: 6 }),
});

/** The request line, Content-Type and body of HTTPie's printed request. */
function readPrinted(printed: string) {
  const split = printed.indexOf('\r\n\r\n');
  const head = printed.slice(0, split).split('\r\n');
  const [method, target] = head[0]!.split(' ');
  const contentType = head.find((line) => /^content-type:/i.test(line))?.replace(/^[^:]*:\s*/, '');
  return { method, target, contentType, body: printed.slice(split + 4) };
}

describe.skipIf(!hasHttpie)('importHttpie against HTTPie', () => {
  it('builds the same request as http --offline', () => {
    const cases = fc.sample(command, { numRuns: 400, seed: 17 }).map((c) => ({
      ...c,
      items: c.form ? c.items.filter((item) => !/^[^=]*:=/.test(item)) : c.items,
    }));
    const argvs = cases.map((c) => [
      ...(c.form ? ['-f'] : []),
      ...(c.method !== undefined ? [c.method] : []),
      c.url,
      ...c.items,
    ]);
    // A config of its own: no update check (HTTPie would start a daemon to fetch one per run).
    const configDir = mkdtempSync(path.join(tmpdir(), 'httpie-'));
    writeFileSync(path.join(configDir, 'config.json'), '{"disable_update_warnings": true}');
    const run = spawnSync(PYTHON, ['-c', ORACLE], {
      input: JSON.stringify(argvs),
      encoding: 'utf8',
      env: { ...process.env, HTTPIE_CONFIG_DIR: configDir },
    });
    rmSync(configDir, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    const answers = JSON.parse(run.stdout) as Array<{ ok: boolean; text: string }>;
    let compared = 0;
    argvs.forEach((argv, index) => {
      const ours = importHttpie(['http', ...argv.map(quote)].join(' '));
      const theirs = answers[index]!;
      const context = `http ${argv.join(' ')}`;
      if (!theirs.ok) {
        expect(ours.ok, context).toBe(false);
        return;
      }
      if (!ours.ok) throw new Error(`${context}: ${ours.error}`);
      const printed = readPrinted(theirs.text);
      const url = new URL(ours.request.url);
      expect(ours.request.method, context).toBe(printed.method);
      expect(url.pathname + url.search, context).toBe(printed.target);
      expect(ours.request.body, context).toBe(printed.body);
      const contentType = ours.request.headers.find(([name]) => /^content-type$/i.test(name))?.[1];
      expect(contentType, context).toBe(printed.contentType);
      compared++;
    });
    expect(compared).toBeGreaterThan(300);
  });
});
