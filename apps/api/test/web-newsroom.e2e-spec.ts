/// <reference lib="dom" />
// The newsroom in a real Chromium (see web-dashboard.e2e-spec.ts for the set-up): signing in as a
// person, assigning a claim, ticking its checklist, a note with a mention, and "My work".
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, Page } from 'playwright-core';
import { PeopleService, TokensService } from '@claimtrace/auth';
import {
  browserDescribe,
  newPage as openPage,
  shot,
  startDashboard,
} from './support/dashboard-browser';

jest.setTimeout(120_000);

browserDescribe('the newsroom in the dashboard (Chromium)', () => {
  let app: NestFastifyApplication;
  let base: string;
  let browser: Browser;
  const token: Record<string, string> = {};
  let claim: { id: string; text: string };
  let other: { id: string; text: string };

  async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.ana}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  /** Opens the board and signs in with a token; answers the page and its console errors. */
  async function signedIn(who: string): Promise<{ page: Page; errors: string[] }> {
    const opened = await openPage(browser);
    await opened.page.goto(`${base}/`);
    await opened.page.click('text=Sign in to edit');
    await opened.page.fill('#token-input', token[who]);
    await opened.page.click('button:has-text("Sign in")');
    await opened.page.waitForSelector('[data-testid="signed-in"]:has-text("Signed in as")');
    return opened;
  }

  beforeAll(async () => {
    ({ app, base, browser } = await startDashboard());
    for (const [name, handle] of [
      ['Ana Lima', 'ana'],
      ['Ben Okoro', 'ben'],
    ]) {
      const person = await app.get(PeopleService).create({ name, handle });
      token[handle] = (
        await app
          .get(TokensService)
          .create({ name: `${handle}-browser`, role: 'EDITOR', person: person.id })
      ).token;
    }
    const { claims } = await gql(`{ claims(first: 100) { edges { node { id text } } } }`);
    [claim, other] = claims.edges.map((e: any) => e.node);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('signing in shows who you are, and a bad token is refused', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${base}/`);
    await page.click('text=Sign in to edit');
    await page.fill('#token-input', `ct_${'A'.repeat(43)}`);
    await page.click('button:has-text("Sign in")');
    await page.waitForSelector('[role="alert"]:has-text("The token is unknown.")');
    expect(await page.locator('[data-testid="signed-in"]').count()).toBe(0);
    await page.fill('#token-input', token.ana);
    await page.click('button:has-text("Sign in")');
    await page.waitForSelector('[data-testid="signed-in"]');
    expect(await page.textContent('[data-testid="signed-in"]')).toBe('Signed in as Ana Lima');
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await page.close();
  });

  test('an editor assigns a claim, ticks its checklist and mentions a colleague in a note', async () => {
    const { page, errors } = await signedIn('ana');
    await page.goto(`${base}/#/claims/${encodeURIComponent(claim.id)}`);
    await page.waitForSelector('#assignee option:has-text("Ben Okoro")', { state: 'attached' });
    await page.selectOption('#assignee', { label: 'Ben Okoro (@ben)' });
    await page.fill('#due', '2020-01-31');
    await page.selectOption('#priority', 'HIGH');
    await page.click('button:has-text("Save assignment")');
    await page.waitForSelector('[data-testid="assignment"]:has-text("Assigned to Ben Okoro")');
    expect(await page.textContent('[data-testid="assignment"]')).toContain('High priority');

    await page.check('input[data-key="original-source"]');
    await page.waitForSelector(
      '.checklist li:has-text("Find the original source"):has-text("Ana Lima")',
    );

    await page.fill('#note-body', 'Please check the **numbers**, @ben. <b>not bold</b>');
    await page.click('button:has-text("Add note")');
    await page.waitForSelector('.note .mention:has-text("@ben")');
    const note = page.locator('.note').first();
    expect(await note.locator('strong').textContent()).toBe('numbers');
    expect(await note.locator('b').count()).toBe(0);
    expect(await note.textContent()).toContain('<b>not bold</b>');

    // its author edits it: the page shows the new text, marked edited
    await note.locator('button:has-text("Edit")').click();
    await page.fill(
      `#note-edit-${await note.getAttribute('data-note-id')}`,
      'Please check the **numbers**, @ben. <b>not bold</b> Thanks!',
    );
    await page.click('button:has-text("Save note")');
    await page.waitForSelector('.note:has-text("Thanks!"):has-text("(edited)")');

    const { claim: stored } = await gql(
      `query ($id: ID!) { claim(id: $id) { assignee { name } priority dueAt
        checklist { key done doneBy { name } } notes { edges { node { mentions { name } } } } } }`,
      { id: claim.id },
    );
    expect(stored.assignee).toEqual({ name: 'Ben Okoro' });
    expect(stored.priority).toBe('HIGH');
    expect(stored.checklist.find((i: any) => i.key === 'original-source')).toEqual({
      key: 'original-source',
      done: true,
      doneBy: { name: 'Ana Lima' },
    });
    expect(stored.notes.edges[0].node.mentions).toEqual([{ name: 'Ben Okoro' }]);
    await shot(page, 'claim-desk-1280');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('"My work" gathers the queue and follows it live', async () => {
    // Ana's own claim, ready for a second review by someone else
    await gql(`mutation ($i: AssignClaimInput!) { assignClaim(input: $i) { id } }`, {
      i: { claimId: other.id, assigneeId: (await gql(`{ me { id } }`)).me.id },
    });
    for (const key of ['original-source', 'contact-actor', 'check-numbers']) {
      await gql(`mutation ($i: SetChecklistItemInput!) { setChecklistItem(input: $i) { id } }`, {
        i: { claimId: other.id, key, done: true },
      });
    }
    const { page, errors } = await signedIn('ben');
    await page.click('nav >> text=My work');
    await page.waitForSelector('h1:has-text("My work — Ben Okoro")');
    expect(await page.textContent('[data-testid="queue-assigned"]')).toContain(claim.text);
    expect(await page.textContent('[data-testid="queue-overdue"]')).toContain(claim.text);
    expect(await page.textContent('[data-testid="queue-mentions"]')).toContain(
      'Please check the numbers, @ben.',
    );
    expect(await page.textContent('[data-testid="queue-review"]')).toContain(other.text);

    // Ben reviews it on the claim page; back in his queue, it is gone
    await page.click(
      `[data-testid="queue-review"] a[href="#/claims/${encodeURIComponent(other.id)}"]`,
    );
    await page.check('input[data-key="second-review"]');
    await page.waitForSelector(
      '.checklist li:has-text("Second editor review"):has-text("Ben Okoro")',
    );
    await page.click('nav >> text=My work');
    await page.waitForSelector(
      '[data-testid="queue-review"] >> text=No claim waits for your review.',
    );
    // a new mention reaches the open queue without a reload
    await page.waitForSelector('[data-testid="live-indicator"][data-status="live"]');
    await gql(`mutation ($i: AddNoteInput!) { addNote(input: $i) { id } }`, {
      i: { claimId: other.id, body: 'Thanks @ben, one more thing' },
    });
    await page.waitForSelector('[data-testid="queue-mentions"] >> text=one more thing');
    await shot(page, 'my-work-1280');
    expect(errors).toEqual([]);
    await page.close();
  });
});
