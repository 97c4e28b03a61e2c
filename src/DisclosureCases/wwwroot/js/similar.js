// The intake form's similar-applications panel: as the clerk types the request (and the applicant's ID number), the
// agency's similar past applications are fetched from /Cases/Similar (an HTML fragment rendered and escaped by the
// server) and shown beside the form. Debounced, and a stale answer never replaces a newer one.
(function () {
    var panel = document.getElementById('similar-live');
    if (!panel) return;
    var results = document.getElementById('similar-live-results');
    var text = document.querySelector('textarea[name$="Description"]');
    var applicant = document.querySelector('input[name$="IdNumber"]');
    if (!text || !results) return;
    var timer = null, sequence = 0, last = null;
    function refresh() {
        var query = text.value.trim();
        var id = applicant ? applicant.value.trim() : '';
        var key = query + '\u0000' + id;
        if (key === last) return;
        last = key;
        if (query.length < 2) return;
        var mine = ++sequence;
        var url = panel.getAttribute('data-source') + '?text=' + encodeURIComponent(query) + (id ? '&applicant=' + encodeURIComponent(id) : '');
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) { if (html !== null && mine === sequence) results.innerHTML = html; })
            .catch(function () { });
    }
    function later() { clearTimeout(timer); timer = setTimeout(refresh, 400); }
    text.addEventListener('input', later);
    if (applicant) applicant.addEventListener('change', later);
    if (text.value.trim().length >= 2) refresh();
})();
