// A certified OAuth 2.0 / OpenID Connect server (oidc-provider) for the
// tests, on loopback only: the device authorization grant (RFC 8628), the
// authorization code grant with PKCE for a native client (RFC 7636, RFC
// 8252 loopback redirects), refresh, revocation (RFC 7009), introspection
// (RFC 7662) and userinfo. Its development login pages stand in for the
// network's: any login name is the account, with the name "Northwind <login>".
//
//   node server.js [ACCESS_TOKEN_SECONDS] [DEVICE_CODE_SECONDS]
//
// prints "listening http://127.0.0.1:PORT" once it accepts connections, and
// "issued TOKEN" for every access and refresh token it issues, so a test can
// look for them wherever they must never be.
import Provider from 'oidc-provider';

const accessSeconds = Number(process.argv[2] || 3600);
const deviceSeconds = Number(process.argv[3] || 600);

const configuration = {
  clients: [
    {
      client_id: 'switchboard',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: [
        'urn:ietf:params:oauth:grant-type:device_code',
        'authorization_code',
        'refresh_token',
      ],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    },
  ],
  features: {
    devInteractions: { enabled: true },
    deviceFlow: { enabled: true },
    revocation: { enabled: true },
    introspection: { enabled: true },
    userinfo: { enabled: true },
  },
  scopes: ['openid', 'offline_access', 'profile'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
  pkce: { required: () => true },
  ttl: {
    AccessToken: accessSeconds,
    DeviceCode: deviceSeconds,
    RefreshToken: 86400,
    Grant: 86400,
    Interaction: 600,
    Session: 600,
  },
  // A refresh token whenever offline_access is granted, for native clients too.
  issueRefreshToken: async (ctx, client, code) =>
    client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  async findAccount(ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, name: `Northwind ${sub}`, preferred_username: sub };
      },
    };
  },
  // Consent for offline_access is asked of native clients; the dev pages
  // grant what is asked.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session?.grantIdFor(ctx.oidc.client.clientId);
    return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
  },
};

const provider = new Provider('http://127.0.0.1', configuration);
provider.proxy = false;
// A one-second polling interval (RFC 8628 §3.2 lets the server say it):
// the client must honour what the server says, and the tests run faster.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/device/auth' && ctx.body && typeof ctx.body === 'object') {
    ctx.body.interval = 1;
  }
});
for (const event of ['access_token.saved', 'refresh_token.saved', 'access_token.issued']) {
  provider.on(event, (token) => {
    const value = typeof token === 'string' ? token : token?.jti;
    if (value) process.stdout.write(`issued ${value}\n`);
  });
}
const server = provider.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  // The issuer is the address the tests reach.
  provider.issuer = `http://127.0.0.1:${port}`;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
// Ends with its parent (the test closes our stdin) or on a signal.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
