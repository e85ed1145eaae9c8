import type { StartedServer } from '../server.js';

/** What a newcomer needs after `npm start`: where to go and whom to log in as. */
export function printBanner(started: StartedServer): void {
  const lines = [
    '',
    '  Cầu Nối đang chạy / is running',
    `  Mở / open:   ${started.url}`,
    `  Cơ sở dữ liệu / database: ${started.databaseDescription} (${started.engine})`,
    `  API: ${started.url}/api/openapi.json`,
  ];
  if (started.demoAccounts.length > 0) {
    lines.push(
      '',
      '  Tài khoản demo / demo accounts (mật khẩu / password: ' + started.demoAccounts[0]!.password + ')',
    );
    for (const a of started.demoAccounts) lines.push(`    ${a.username.padEnd(20)} ${a.hint}`);
  }
  lines.push('', '  Dừng / stop: Ctrl+C', '');
  console.log(lines.join('\n'));
}
