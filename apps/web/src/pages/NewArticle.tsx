import { useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { ARTICLE, ARTICLE_PREVIEW, INGEST_ARTICLE } from '../api/queries';
import type { ResultOf } from '../api/graphql';
import type { ArticleT } from '../api/types';
import { ClaimCreator } from '../components/ClaimCreator';
import { ErrorNote } from '../components/ErrorNote';
import { Suggestions } from '../components/claim/Suggestions';
import { formatDateTime } from '../lib/format';
import { href } from '../lib/router';

type Preview = ResultOf<typeof ARTICLE_PREVIEW>['articlePreview'];

/**
 * A new story: paste a link (or a text and the URL it comes from) → preview what would be stored
 * → ingest → pick or create the claim → accept the suggested attributions for it.
 */
export function NewArticle() {
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [article, setArticle] = useState<ArticleT | null>(null);
  const [claimId, setClaimId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const input = () => ({ url: url.trim(), text: text.trim() ? text : null });
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const previewIt = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setPreview((await gql(ARTICLE_PREVIEW, { input: input() })).articlePreview);
    });
  };
  const ingest = () =>
    run(async () => {
      const { ingestArticle } = await gql(INGEST_ARTICLE, { input: input() });
      await reload(ingestArticle.article.id);
    });
  const reload = async (id = article?.id) => {
    if (!id) return;
    const { article: loaded } = await gql(ARTICLE, { id });
    setArticle(loaded);
  };

  return (
    <section aria-labelledby="new-article-title" className="stack">
      <h1 id="new-article-title">New article</h1>
      {!article && (
        <form className="stack panel" onSubmit={previewIt}>
          <label htmlFor="article-url">Link to the article</label>
          <input
            id="article-url"
            required
            placeholder="https://…"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              setPreview(null);
            }}
          />
          <label htmlFor="article-text">
            Or paste its text (the link then only names where it comes from)
          </label>
          <textarea
            id="article-text"
            rows={4}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPreview(null);
            }}
          />
          <div>
            <button type="submit" disabled={busy || !url.trim()}>
              Preview
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error} />
      {preview && !article && (
        <section className="panel stack" aria-label="Preview" data-testid="preview">
          <h2>{preview.title}</h2>
          <dl className="facts">
            <dt>Publisher</dt>
            <dd>{preview.publisherName ?? '—'}</dd>
            <dt>Authors</dt>
            <dd>{preview.authorNames.join(', ') || '—'}</dd>
            <dt>Published</dt>
            <dd>{preview.publishedAt ? formatDateTime(preview.publishedAt) : '—'}</dd>
            <dt>Language</dt>
            <dd data-testid="preview-language">{preview.language ?? 'unknown'}</dd>
            <dt>Stored as</dt>
            <dd className="small">{preview.url}</dd>
          </dl>
          <div className="article-text preview-text">{preview.text}</div>
          <div>
            <button type="button" disabled={busy} onClick={() => void ingest()}>
              Ingest this article
            </button>
          </div>
        </section>
      )}
      {article && (
        <section className="stack" aria-label="Ingested article" data-article-id={article.id}>
          <h2>{article.title}</h2>
          <p className="muted small">
            {article.publisher?.name ?? 'Unknown publisher'} · language{' '}
            <span data-testid="article-language">{article.language ?? 'unknown'}</span> ·{' '}
            {article.suggestedAttributions.length} suggested attributions
          </p>
          {!claimId ? (
            <section className="panel" aria-label="Claim">
              <h3>Which claim do these attributions concern?</h3>
              <ClaimCreator language={article.language} onReady={(id) => setClaimId(id)} />
            </section>
          ) : (
            <>
              <p>
                Accepting for the claim:{' '}
                <a href={href.claim(claimId)} data-testid="intake-claim">
                  open the claim
                </a>
              </p>
              <Suggestions article={article} claimId={claimId} open onAccepted={() => reload()} />
            </>
          )}
        </section>
      )}
    </section>
  );
}
