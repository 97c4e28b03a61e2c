// 邮寄: a tracking number ticks its row and clearing it unticks it, so the checkboxes leave the tab order and a keyboard
// user tabs from number to number and presses Enter. Without this script the checkboxes stay in the tab order, and the
// server refuses (and keeps) a number typed in a row that is not ticked.
(function () {
  var table = document.getElementById("ready");
  if (!table) return;
  table.querySelectorAll("input.pick").forEach(function (pick) { pick.tabIndex = -1; });
  table.addEventListener("input", function (e) {
    var input = e.target;
    if (!input.matches("td.tracking input")) return;
    var pick = input.closest("tr").querySelector("input.pick");
    if (pick) pick.checked = input.value.trim() !== "";
  });
})();
