// The buyer-show moderation queue of the dashboard: reads /api/reviews with the admin token
// app.js keeps in sessionStorage, for the site app.js has chosen, in the language it shows.
// Every review's words are set as text (textContent), never as HTML. Photos of reviews that
// are not published are not public: they are fetched with the token and shown as blob URLs.
(() => {
  const messages = {
    en: {
      title: 'Buyer shows',
      status: 'Status', pending: 'Waiting', published: 'Published', rejected: 'Rejected',
      verifiedOnly: 'Verified buyers', withPhotos: 'With photos', rating: 'Rating', anyRating: 'Any',
      selectAll: 'Select all shown', approveSelected: 'Approve selected', rejectSelected: 'Reject selected',
      reasonFor: 'Reason for rejecting', reasonPlaceholder: 'e.g. not about this product',
      reasonNeeded: 'Write a reason before rejecting.', approve: 'Approve', reject: 'Reject',
      select: 'Select the review by {name}', anonymous: 'Anonymous', verified: 'Verified buyer',
      stars: '{n} of 5 stars', photo: 'Photo {n} of {total}', order: 'Order {order}', product: 'Product {product}',
      flagLink: 'Has a link', flagWord: 'Listed word: {word}', flagRule: 'Outside the auto-publish rule',
      why: 'Rejected: {reason}', empty: 'No buyer shows here.', more: 'Show more',
      counts: '{pending} waiting · {published} published · {rejected} rejected',
      jump: '{n} buyer shows wait for you', jumpOne: 'A buyer show waits for you',
      done: '{n} changed.', failed: 'That did not work; try again.',
      history: 'Audit log', when: 'When', review: 'Review', action: 'Action', by: 'By', reason: 'Reason',
      submit: 'Sent', approveAction: 'Approved', rejectAction: 'Rejected', auto: 'Auto-publish rule', fan: 'The buyer',
      noHistory: 'Nothing yet.',
    },
    zh: {
      title: '买家秀审核',
      status: '状态', pending: '待审核', published: '已发布', rejected: '未通过',
      verifiedOnly: '已验证买家', withPhotos: '有图', rating: '评分', anyRating: '全部',
      selectAll: '全选本页', approveSelected: '批量通过', rejectSelected: '批量驳回',
      reasonFor: '驳回原因', reasonPlaceholder: '例如：与本商品无关',
      reasonNeeded: '请先填写驳回原因。', approve: '通过', reject: '驳回',
      select: '选择 {name} 的评价', anonymous: '匿名买家', verified: '已验证买家',
      stars: '{n} 星（满分 5 星）', photo: '第 {n} 张，共 {total} 张', order: '订单 {order}', product: '商品 {product}',
      flagLink: '含链接', flagWord: '含敏感词：{word}', flagRule: '不符合自动发布规则',
      why: '驳回原因：{reason}', empty: '暂无买家秀。', more: '加载更多',
      counts: '待审核 {pending} · 已发布 {published} · 未通过 {rejected}',
      jump: '有 {n} 条买家秀待审核', jumpOne: '有 1 条买家秀待审核',
      done: '已处理 {n} 条。', failed: '操作失败，请重试。',
      history: '操作记录', when: '时间', review: '评价', action: '操作', by: '操作人', reason: '原因',
      submit: '提交', approveAction: '通过', rejectAction: '驳回', auto: '自动发布规则', fan: '买家',
      noHistory: '暂无记录。',
    },
  };
  const ACTIONS = { submit: 'submit', approve: 'approveAction', reject: 'rejectAction' };

  const $ = (id) => document.getElementById(id);
  const lang = () => (sessionStorage.getItem('fanfare.lang') === 'zh' ? 'zh' : sessionStorage.getItem('fanfare.lang') === 'en' ? 'en' : document.documentElement.lang.startsWith('zh') ? 'zh' : 'en');
  const t = (key, vars = {}) => (messages[lang()][key] ?? messages.en[key] ?? key).replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? m);
  const locale = () => (lang() === 'zh' ? 'zh-CN' : 'en');
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const token = () => sessionStorage.getItem('fanfare.token');

  let shown = [];
  let next = null;
  let blobs = [];
  let busy = false;
  let counts;

  // The queue is far down the page: a line at the top says when reviews wait, and leads there.
  function jump() {
    const n = counts?.pending ?? 0;
    $('rv-jump').hidden = n === 0;
    $('rv-jump').textContent = n === 1 ? t('jumpOne') : t('jump', { n });
  }

  async function call(path, init = {}) {
    const res = await fetch(path, { ...init, headers: { authorization: `Bearer ${token()}`, ...(init.body ? { 'content-type': 'application/json' } : {}) }, cache: 'no-store' });
    if (res.status === 401) {
      // app.js owns the sign-in; a fresh page takes the marketer there.
      sessionStorage.removeItem('fanfare.token');
      location.reload();
      throw new Error('unauthorized');
    }
    if (!res.ok) throw new Error((await res.json().catch(() => ({}))).message || res.statusText);
    return res;
  }

  function query(before) {
    const q = new URLSearchParams({ site: $('site').value, status: $('rv-status').value, limit: '20' });
    if ($('rv-verified').checked) q.set('verified', 'true');
    if ($('rv-photos').checked) q.set('photos', 'true');
    if ($('rv-rating').value) q.set('rating', $('rv-rating').value);
    if (before) q.set('before', before);
    return q;
  }

  async function load(more = false) {
    if (!$('site').value || !token()) return;
    try {
      const body = await (await call(`/api/reviews?${query(more ? next : null)}`)).json();
      if (!more) {
        for (const url of blobs) URL.revokeObjectURL(url);
        blobs = [];
        shown = [];
      }
      shown = shown.concat(body.reviews);
      next = body.next;
      $('rv-counts').textContent = t('counts', body.counts);
      counts = body.counts;
      jump();
      render();
      await loadHistory();
    } catch (err) {
      if (err.message !== 'unauthorized') {
        console.error('Fanfare dashboard: loading buyer shows failed:', err);
        $('rv-message').textContent = t('failed');
      }
    }
  }

  async function loadHistory() {
    const { history } = await (await call(`/api/reviews/history?site=${encodeURIComponent($('site').value)}`)).json();
    const box = $('rv-history');
    if (history.length === 0) return box.replaceChildren(el('p', 'empty', t('noHistory')));
    const table = el('table');
    const head = table.createTHead().insertRow();
    for (const k of ['when', 'review', 'action', 'by', 'reason']) head.append(el('th', '', t(k)));
    const tbody = table.createTBody();
    const when = new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' });
    for (const h of history.slice(0, 50)) {
      const row = tbody.insertRow();
      row.insertCell().textContent = when.format(h.at);
      const which = row.insertCell();
      which.className = 'wrap';
      which.textContent = `${h.author || t('anonymous')} · ${h.product}`;
      which.title = h.review;
      // A decision says what it did; an arrival says where it landed (waiting, or published by the rule).
      row.insertCell().textContent = h.action === 'submit' ? `${t('submit')} · ${t(h.to)}` : t(ACTIONS[h.action] ?? h.action);
      row.insertCell().textContent = h.by === 'auto' ? t('auto') : h.by === 'fan' ? t('fan') : h.by;
      const reason = row.insertCell();
      reason.className = 'wrap';
      reason.textContent = h.reason ?? '';
    }
    const wrap = el('div', 'table-wrap');
    wrap.append(table);
    box.replaceChildren(wrap);
  }

  function flagText(flag) {
    if (flag === 'link') return t('flagLink');
    if (flag === 'rule') return t('flagRule');
    if (flag.startsWith('word:')) return t('flagWord', { word: flag.slice(5) });
    return flag;
  }

  function render() {
    const list = $('rv-list');
    $('rv-message').textContent = '';
    $('rv-more').hidden = !next;
    $('rv-all').checked = false;
    if (shown.length === 0) return list.replaceChildren(el('p', 'empty', t('empty')));
    const date = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' });
    list.replaceChildren(
      ...shown.map((r) => {
        const item = el('li', `card review is-${r.status}`);
        item.dataset.id = r.id;
        const head = el('div', 'review-head');
        const pick = el('input');
        pick.type = 'checkbox';
        pick.className = 'rv-pick';
        pick.value = r.id;
        pick.setAttribute('aria-label', t('select', { name: r.author || t('anonymous') }));
        const stars = el('span', 'stars', '★'.repeat(r.rating) + '☆'.repeat(5 - r.rating));
        stars.setAttribute('role', 'img');
        stars.setAttribute('aria-label', t('stars', { n: r.rating }));
        const who = el('strong', 'who', r.author || t('anonymous'));
        head.append(pick, stars, who);
        if (r.verified) head.append(el('span', 'chip good', t('verified')));
        const meta = el('p', 'review-meta', [date.format(r.createdAt), t('product', { product: r.product }), r.order ? t('order', { order: r.order }) : ''].filter(Boolean).join(' · '));
        const text = el('p', 'review-text', r.text);
        item.append(head, meta);
        if (r.flags.length) {
          const flags = el('p', 'flags');
          for (const f of r.flags) flags.append(el('span', 'chip warn', flagText(f)));
          item.append(flags);
        }
        item.append(text);
        if (r.photos.length) {
          const strip = el('div', 'thumbs');
          r.photos.forEach((p, i) => {
            const img = el('img');
            img.width = 96;
            img.height = Math.round((96 * p.height) / p.width);
            img.alt = t('photo', { n: i + 1, total: r.photos.length });
            img.decoding = 'async';
            strip.append(img);
            call(p.url)
              .then((res) => res.blob())
              .then((blob) => {
                const url = URL.createObjectURL(blob);
                blobs.push(url);
                img.src = url;
              })
              .catch(() => {});
          });
          item.append(strip);
        }
        if (r.status === 'rejected' && r.reason) item.append(el('p', 'note', t('why', { reason: r.reason })));
        const actions = el('div', 'review-actions');
        const reasonId = `rv-reason-${r.id}`;
        const label = el('label', 'sr-only', t('reasonFor'));
        label.htmlFor = reasonId;
        const reason = el('input');
        reason.id = reasonId;
        reason.type = 'text';
        reason.maxLength = 500;
        reason.placeholder = t('reasonFor');
        const approve = el('button', 'approve', t('approve'));
        approve.type = 'button';
        approve.dataset.action = 'approve';
        approve.disabled = r.status === 'published';
        const reject = el('button', 'reject', t('reject'));
        reject.type = 'button';
        reject.dataset.action = 'reject';
        reject.disabled = r.status === 'rejected';
        actions.append(label, reason, reject, approve);
        item.append(actions);
        return item;
      }),
    );
  }

  async function decide(ids, action, reason, focusOnError) {
    if (busy || ids.length === 0) return;
    if (action === 'reject' && !reason) {
      $('rv-message').textContent = t('reasonNeeded');
      focusOnError?.focus();
      return;
    }
    busy = true;
    try {
      const body = JSON.stringify({ ids, action, ...(reason ? { reason } : {}) });
      const { changed } = await (await call('/api/reviews/bulk', { method: 'POST', body })).json();
      await load();
      $('rv-message').textContent = t('done', { n: changed });
    } catch (err) {
      if (err.message !== 'unauthorized') $('rv-message').textContent = t('failed');
    } finally {
      busy = false;
    }
  }

  function applyLang() {
    for (const node of document.querySelectorAll('[data-rv]')) node.textContent = t(node.dataset.rv);
    $('rv-reason').placeholder = t('reasonPlaceholder');
    for (const option of $('rv-status').options) option.textContent = t(option.value);
    $('rv-rating').options[0].textContent = t('anyRating');
    if (shown.length) render();
    jump();
    if (!$('board').hidden) loadHistory().catch(() => {});
  }

  $('rv-list').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const item = button.closest('.review');
    const reason = item.querySelector('input[type="text"]');
    decide([item.dataset.id], button.dataset.action, reason.value.trim(), reason);
  });
  $('rv-all').addEventListener('change', () => {
    for (const box of document.querySelectorAll('.rv-pick')) box.checked = $('rv-all').checked;
  });
  const picked = () => [...document.querySelectorAll('.rv-pick:checked')].map((b) => b.value);
  $('rv-approve').addEventListener('click', () => decide(picked(), 'approve'));
  $('rv-reject').addEventListener('click', () => decide(picked(), 'reject', $('rv-reason').value.trim(), $('rv-reason')));
  $('rv-more').addEventListener('click', () => load(true));
  $('rv-filters').addEventListener('change', () => load());
  $('rv-filters').addEventListener('submit', (e) => e.preventDefault());
  $('site').addEventListener('change', () => load());
  // app.js switches the language first (its listener was added before this one).
  $('lang').addEventListener('click', applyLang);

  // app.js shows the board and fills the site list when the token is right: load then.
  let timer;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => !$('board').hidden && load(), 0);
  };
  new MutationObserver(soon).observe($('board'), { attributes: true, attributeFilter: ['hidden'] });
  new MutationObserver(soon).observe($('site'), { childList: true });
  applyLang();
  soon();
})();
