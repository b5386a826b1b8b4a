// A real OpenID Connect provider (the certified `oidc-provider` package) on loopback, for the
// sign-in tests. Started by the test (tests/http/signin_oidc.rs) with:
//   node provider.mjs CLIENT_ID CLIENT_SECRET REDIRECT_URI
// It listens on 127.0.0.1 on a free port and prints one line, `listening http://127.0.0.1:PORT`,
// then serves until its standard input closes (so it dies with the test).
// Its development login form accepts any login (the login becomes the `sub`) and password.
//
// `POST /test/sign` (JSON claims in, a compact JWS out) signs arbitrary ID-token claims with the
// provider's own signing key, so the tests can present tokens that are genuinely signed but
// carry a wrong nonce, audience, issuer or expiry. It is test scaffolding, not part of OIDC.
import { createServer } from 'node:http';
import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';

const [clientId, clientSecret, redirectUri] = process.argv.slice(2);
if (!clientId || !clientSecret || !redirectUri) {
  console.error('usage: node provider.mjs CLIENT_ID CLIENT_SECRET REDIRECT_URI');
  process.exit(2);
}

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'urna-test-rs256', alg: 'RS256', use: 'sig' };

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, sub) {
    return { accountId: sub, async claims() { return { sub, preferred_username: sub }; } };
  },
  claims: { openid: ['sub'], profile: ['preferred_username'] },
});
provider.on('server_error', (_ctx, err) => console.error('server_error', err));

const oidc = provider.callback();
server.on('request', (req, res) => {
  if (req.method === 'POST' && req.url === '/test/sign') {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', async () => {
      try {
        const token = await new SignJWT(JSON.parse(body))
          .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
          .sign(privateKey);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
      } catch (e) {
        res.writeHead(400).end(String(e));
      }
    });
    return;
  }
  oidc(req, res);
});

console.log(`listening ${issuer}`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
