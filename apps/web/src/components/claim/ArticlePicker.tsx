import { useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ARTICLES } from '../../api/queries';

/** Picks another article to show beside the claim's own. */
export function ArticlePicker({
  onPick,
  exclude,
  value,
}: {
  onPick(id: string): void;
  exclude: string[];
  value: string;
}) {
  const [list, setList] = useState<{ id: string; title: string }[]>([]);
  useEffect(() => {
    gql(ARTICLES)
      .then((d) => setList(d.articles.edges.map((e) => e.node)))
      .catch(() => setList([]));
  }, []);
  const options = list.filter((a) => a.id === value || !exclude.includes(a.id));
  if (!options.length) return null;
  return (
    <div className="field">
      <label htmlFor="article-pick">Show another article</label>
      <select id="article-pick" value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">—</option>
        {options.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title}
          </option>
        ))}
      </select>
    </div>
  );
}
