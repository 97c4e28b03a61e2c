// 申请人申请情况 on the intake form: once the document number is entered, the applicant's counts and this month's fees
// (条例第35、42条). The number is posted with the form's anti-forgery token, never put in a URL.
(function () {
  const slot = document.getElementById('applicant-history-slot');
  const input = document.getElementById('Input_IdNumber');
  const token = document.querySelector('#intake input[name="__RequestVerificationToken"]');
  if (!slot || !input || !token) return;
  let last = '';
  input.addEventListener('change', async () => {
    const value = input.value.trim();
    if (value === last) return;
    last = value;
    if (value.length < 6) { slot.innerHTML = ''; return; }
    const body = new URLSearchParams({ idNumber: value, __RequestVerificationToken: token.value });
    const response = await fetch(slot.dataset.url, { method: 'POST', body, credentials: 'same-origin' });
    if (input.value.trim() === value) slot.innerHTML = response.ok ? await response.text() : '';
  });
})();
