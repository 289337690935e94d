#!/usr/bin/env node
// The e2e run's SMTP server, started by playwright.config.ts as a webServer beside the app:
// the shared test peer on E2E_SMTP_PORT, saving every message to E2E_SMTP_DIR for
// support/mailbox.ts. Playwright waits for the "listening" line below.
import { startSmtpPeer } from '../../support/smtp-peer.mjs';

const port = Number(process.env.E2E_SMTP_PORT);
const dir = process.env.E2E_SMTP_DIR;
if (!port || !dir) throw new Error('E2E_SMTP_PORT and E2E_SMTP_DIR must be set');

const peer = await startSmtpPeer({ port, saveTo: dir });
console.log(`SMTP peer listening on 127.0.0.1:${peer.port}, saving to ${dir}`);
