using System.Globalization;
using System.Text;

namespace DisclosureCases.Workflow;

/// <summary>
/// Draws a definition as a self-contained SVG: no scripts, no external fonts, styles or links, so it can be inlined in
/// a page or saved as a file. The same definition and current state always give the same text.
/// </summary>
/// <remarks>
/// Layout, left to right: states in columns by breadth-first distance from the initial state (following transitions
/// in file order); within a column, top to bottom in the order they were reached; columns centred vertically. Every
/// (from, to) pair is one arrow labelled with the titles of its transitions. Arrows between neighbouring columns are
/// straight, or curved apart when both directions exist; arrows within a column bulge to the right, clear of the boxes
/// between; arrows across several columns arc. A transition leaving several states is labelled once, on the arrow
/// from its first state; its other arrows are dashed and carry the label as a tooltip only. Labels are placed greedily
/// in arrow order at the first point along their arrow where they overlap no box and no earlier label. Primary
/// transitions are drawn stronger; the final state has a double border; the current state is filled, bold and marked
/// <c>data-current="true"</c>. Text widths are estimated (a CJK character as wide as the font size), since there are
/// no font metrics without a renderer.
/// </remarks>
public static class WorkflowDiagram
{
    const double StateFont = 14, LabelFont = 12, LabelHeight = 18;
    const double BoxHeight = 40, MinBoxWidth = 96, BoxPadding = 16;
    const double MinColumnGap = 96, RowGap = 60, Margin = 40, LoopRoom = 50;

    // Where along an arrow a label may go, best first.
    static readonly double[] LabelPositions = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85];

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkflowDefinition, System.Collections.Concurrent.ConcurrentDictionary<string, string>> Rendered = new();

    /// <summary>
    /// <see cref="RenderSvg"/> once per definition and state: a definition version never changes once loaded, and the
    /// layout (columns, label positions) is worked out afresh on every call — the case page shows it on every view.
    /// </summary>
    public static string CachedSvg(WorkflowDefinition definition, string currentState) =>
        Rendered.GetOrCreateValue(definition).GetOrAdd(currentState, state => RenderSvg(definition, state));

    /// <summary>Renders <paramref name="definition"/>, highlighting <paramref name="currentState"/> (none when null).</summary>
    /// <exception cref="ArgumentException"><paramref name="currentState"/> is not a state of the definition.</exception>
    public static string RenderSvg(WorkflowDefinition definition, string? currentState)
    {
        if (currentState is not null) definition.State(currentState);

        var columns = Columns(definition);
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
            foreach (var state in columns[c])
                columnOf[state.Name] = c;
        var edges = Edges(definition);
        var boxWidth = Math.Max(MinBoxWidth, definition.States.Max(s => TextWidth(s.Title, StateFont)) + 2 * BoxPadding);

        // The space right of column c holds the labels of the arrows crossing to c + 1 and of the arrows within c;
        // the more of them, the more room they need to avoid one another.
        var gaps = Enumerable.Range(0, columns.Count).Select(c =>
        {
            var crossing = edges.Where(e => !e.Dashed && (
                Math.Min(columnOf[e.From], columnOf[e.To]) == c && Math.Max(columnOf[e.From], columnOf[e.To]) == c + 1
                || e.From != e.To && columnOf[e.From] == c && columnOf[e.To] == c)).ToList();
            var widest = crossing.Select(e => TextWidth(e.Label, LabelFont)).DefaultIfEmpty(0).Max();
            var room = widest * (1 + 0.12 * Math.Min(crossing.Count, 8)) + 48;
            return c == columns.Count - 1 ? (crossing.Count == 0 ? 0 : room) : Math.Max(MinColumnGap, room);
        }).ToList();
        var top = Margin + (edges.Any(e => e.From == e.To) ? LoopRoom : 0);
        var tallest = columns.Max(c => c.Count);
        var height = top + Margin + tallest * BoxHeight + (tallest - 1) * RowGap;
        var width = 2 * Margin + columns.Count * boxWidth + gaps.Sum();

        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        var left = Margin;
        for (var c = 0; c < columns.Count; c++)
        {
            var columnHeight = columns[c].Count * BoxHeight + (columns[c].Count - 1) * RowGap;
            var y = top + (height - top - Margin - columnHeight) / 2;
            for (var i = 0; i < columns[c].Count; i++)
                boxes[columns[c][i].Name] = new Box(left + boxWidth / 2, y + i * (BoxHeight + RowGap) + BoxHeight / 2, boxWidth / 2, BoxHeight / 2, c);
            left += boxWidth + gaps[c];
        }

        var svg = new StringBuilder();
        var marker = $"wf-arrow-{definition.Id}";
        var strongMarker = $"wf-arrow-strong-{definition.Id}";
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" font-family=\"sans-serif\" data-workflow=\"{X(definition.Id)}\" data-version=\"{definition.Version}\">\n");
        svg.Append($"<title>{X(definition.Title)}（第{definition.Version}版）</title>\n");
        svg.Append("<defs>\n");
        svg.Append($"<marker id=\"{X(marker)}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{Grey}\"/></marker>\n");
        svg.Append($"<marker id=\"{X(strongMarker)}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{Blue}\"/></marker>\n");
        svg.Append("</defs>\n");
        svg.Append($"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n");

        // Arrows first, boxes over them, labels over both: a label must stay readable where arrows cross it.
        var curves = edges.Select(e => (Edge: e, Curve: CurveOf(e, boxes))).ToList();
        foreach (var (edge, curve) in curves)
            DrawArrow(svg, edge, curve, marker, strongMarker);
        foreach (var state in definition.States)
            DrawState(svg, state, boxes[state.Name], state.Name == currentState);
        var taken = boxes.Values.Select(b => new Rect(b.X - b.HalfWidth - 2, b.Y - b.HalfHeight - 2, 2 * b.HalfWidth + 4, 2 * b.HalfHeight + 4)).ToList();
        foreach (var (edge, curve) in curves.Where(c => !c.Edge.Dashed))
            DrawLabel(svg, edge, curve, taken);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    const string Grey = "#718096", Blue = "#2b6cb0";

    /// <summary>A state's box: centre, half sizes, column.</summary>
    readonly record struct Box(double X, double Y, double HalfWidth, double HalfHeight, int Column);

    readonly record struct Rect(double X, double Y, double Width, double Height)
    {
        public double Overlap(Rect o) =>
            Math.Max(0, Math.Min(X + Width, o.X + o.Width) - Math.Max(X, o.X)) *
            Math.Max(0, Math.Min(Y + Height, o.Y + o.Height) - Math.Max(Y, o.Y));
    }

    /// <summary>An arrow's path and where along it a label can go (<paramref name="At"/>: t ∈ [0, 1] → point).</summary>
    sealed record Curve(string Path, Func<double, (double X, double Y)> At, bool Loop);

    /// <summary>One arrow: every transition between one ordered pair of states.</summary>
    sealed record Edge(string From, string To, List<WorkflowTransition> Transitions, List<WorkflowTransition> Labelled, bool HasReverse)
    {
        /// <summary>Unlabelled (dashed): every transition on it is labelled on its arrow from its first state.</summary>
        public bool Dashed => Labelled.Count == 0;

        public bool Strong => Transitions.Any(t => t.Primary);

        public string Label => string.Join(" / ", (Dashed ? Transitions : Labelled).Select(t => t.Title));

        public string Triggers => string.Join(" ", Transitions.Select(t => t.Trigger));
    }

    /// <summary>Breadth-first columns from the initial state; states not reached (a valid definition has none) form a last column.</summary>
    static List<List<WorkflowState>> Columns(WorkflowDefinition definition)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [definition.InitialState.Name] = 0 };
        var order = new List<string> { definition.InitialState.Name };
        var queue = new Queue<string>([definition.InitialState.Name]);
        while (queue.TryDequeue(out var state))
            foreach (var t in definition.TransitionsFrom(state))
                if (distance.TryAdd(t.To, distance[state] + 1))
                {
                    order.Add(t.To);
                    queue.Enqueue(t.To);
                }
        var columns = order.GroupBy(s => distance[s]).OrderBy(g => g.Key).Select(g => g.Select(definition.State).ToList()).ToList();
        var unreached = definition.States.Where(s => !distance.ContainsKey(s.Name)).ToList();
        if (unreached.Count > 0) columns.Add(unreached);
        return columns;
    }

    static List<Edge> Edges(WorkflowDefinition definition)
    {
        var edges = new List<Edge>();
        foreach (var t in definition.Transitions)
            foreach (var from in t.From)
            {
                var edge = edges.FirstOrDefault(e => e.From == from && e.To == t.To);
                if (edge is null)
                {
                    edge = new Edge(from, t.To, [], [], false);
                    edges.Add(edge);
                }
                edge.Transitions.Add(t);
                if (from == t.From[0]) edge.Labelled.Add(t);
            }
        return edges
            .Select(e => e with { HasReverse = e.From != e.To && edges.Any(o => o.From == e.To && o.To == e.From) })
            .ToList();
    }

    static Curve CurveOf(Edge edge, Dictionary<string, Box> boxes)
    {
        var a = boxes[edge.From];
        var b = boxes[edge.To];
        if (edge.From == edge.To)
        {
            // A loop above the box: an action that leaves the case where it is.
            var y = a.Y - a.HalfHeight;
            return new Curve(
                $"M{N(a.X - 12)},{N(y)} C{N(a.X - 34)},{N(y - 42)} {N(a.X + 34)},{N(y - 42)} {N(a.X + 12)},{N(y - 1)}",
                _ => (a.X, y - 40), Loop: true);
        }

        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = Math.Sqrt(dx * dx + dy * dy);
        var (px, py) = (-dy / length, dx / length); // to the right of the direction of travel
        var span = Math.Abs(a.Column - b.Column);
        double bend;
        if (span == 0)
        {
            // Within a column: always out to the right, far enough for the curve (whose middle moves half the bend)
            // to clear the boxes between; upward arrows further out than downward ones so that a pair does not overlap.
            (px, py) = (1, 0);
            bend = 2 * (a.HalfWidth + 18) + 0.25 * Math.Abs(dy) + (dy < 0 ? 36 : 0);
        }
        else
        {
            bend = span > 1 ? 80 : edge.HasReverse ? 30 : 0;
        }
        var (cx, cy) = ((a.X + b.X) / 2 + px * bend, (a.Y + b.Y) / 2 + py * bend);
        var (sx, sy) = Clip(a, cx, cy);
        var (ex, ey) = Clip(b, cx, cy);
        return new Curve(
            $"M{N(sx)},{N(sy)} Q{N(cx)},{N(cy)} {N(ex)},{N(ey)}",
            t => ((1 - t) * (1 - t) * sx + 2 * (1 - t) * t * cx + t * t * ex, (1 - t) * (1 - t) * sy + 2 * (1 - t) * t * cy + t * t * ey),
            Loop: false);
    }

    static void DrawState(StringBuilder svg, WorkflowState state, Box box, bool current)
    {
        var (fill, stroke, strokeWidth) = (current, state.Kind) switch
        {
            (true, _) => ("#fff3c4", "#b7791f", 3.0),
            (_, StateKind.Final) => ("#edf2f7", "#2d3748", 1.5),
            (_, StateKind.Initial) => ("#ffffff", "#2d3748", 2.0),
            _ => ("#ffffff", "#4a5568", 1.5),
        };
        var kind = state.Kind.ToString().ToLowerInvariant();
        svg.Append($"<g data-state=\"{X(state.Name)}\" data-kind=\"{kind}\"{(current ? " data-current=\"true\" aria-current=\"step\"" : "")}>");
        svg.Append($"<title>{X(state.Title)}</title>");
        var (left, top) = (box.X - box.HalfWidth, box.Y - box.HalfHeight);
        svg.Append($"<rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(2 * box.HalfWidth)}\" height=\"{N(2 * box.HalfHeight)}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"/>");
        if (state.IsFinal) // the double border of an end state
            svg.Append($"<rect x=\"{N(left + 4)}\" y=\"{N(top + 4)}\" width=\"{N(2 * box.HalfWidth - 8)}\" height=\"{N(2 * box.HalfHeight - 8)}\" rx=\"5\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1\"/>");
        svg.Append($"<text x=\"{N(box.X)}\" y=\"{N(box.Y)}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"{N(StateFont)}\" fill=\"#1a202c\"{(current ? " font-weight=\"bold\"" : "")}>{X(state.Title)}</text>");
        svg.Append("</g>\n");
    }

    static void DrawArrow(StringBuilder svg, Edge edge, Curve curve, string marker, string strongMarker)
    {
        svg.Append($"<g data-transition=\"{X(edge.Triggers)}\" data-from=\"{X(edge.From)}\" data-to=\"{X(edge.To)}\">");
        svg.Append($"<title>{X(edge.Label)}</title>");
        svg.Append($"<path d=\"{curve.Path}\" fill=\"none\" stroke=\"{(edge.Strong ? Blue : Grey)}\" stroke-width=\"{(edge.Strong ? "2" : "1.2")}\"");
        if (edge.Dashed) svg.Append(" stroke-dasharray=\"5 4\"");
        svg.Append($" marker-end=\"url(#{X(edge.Strong ? strongMarker : marker)})\"/>");
        svg.Append("</g>\n");
    }

    /// <summary>Places the label where it overlaps least (ideally nothing) of the boxes and labels placed so far.</summary>
    static void DrawLabel(StringBuilder svg, Edge edge, Curve curve, List<Rect> taken)
    {
        var width = TextWidth(edge.Label, LabelFont) + 8;
        Rect RectAt(double t)
        {
            var (x, y) = curve.At(t);
            return new Rect(x - width / 2, y - LabelHeight / 2, width, LabelHeight);
        }
        var best = RectAt(LabelPositions[0]);
        if (!curve.Loop)
        {
            var bestOverlap = double.MaxValue;
            foreach (var t in LabelPositions)
            {
                var candidate = RectAt(t);
                var overlap = taken.Sum(r => r.Overlap(candidate));
                if (overlap < bestOverlap) (best, bestOverlap) = (candidate, overlap);
                if (overlap == 0) break;
            }
        }
        taken.Add(best);
        var (cx, cy) = (best.X + width / 2, best.Y + LabelHeight / 2);
        svg.Append($"<g data-label-for=\"{X(edge.Triggers)}\">");
        svg.Append($"<rect x=\"{N(best.X)}\" y=\"{N(best.Y)}\" width=\"{N(width)}\" height=\"{N(LabelHeight)}\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>");
        svg.Append($"<text x=\"{N(cx)}\" y=\"{N(cy)}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"{N(LabelFont)}\" fill=\"{(edge.Strong ? Blue : "#4a5568")}\">{X(edge.Label)}</text>");
        svg.Append("</g>\n");
    }

    /// <summary>Where the line from the box's centre towards (tx, ty) leaves the box.</summary>
    static (double X, double Y) Clip(Box box, double tx, double ty)
    {
        var (dx, dy) = (tx - box.X, ty - box.Y);
        if (dx == 0 && dy == 0) return (box.X, box.Y - box.HalfHeight);
        var scale = Math.Min(
            dx == 0 ? double.MaxValue : box.HalfWidth / Math.Abs(dx),
            dy == 0 ? double.MaxValue : box.HalfHeight / Math.Abs(dy));
        return (box.X + dx * scale, box.Y + dy * scale);
    }

    /// <summary>Estimated width: CJK and full-width characters are square, others about 0.6 of the font size.</summary>
    static double TextWidth(string text, double fontSize) =>
        text.Sum(c => c >= '\u2E80' ? fontSize : 0.6 * fontSize);

    /// <summary>Numbers with at most one decimal and a dot, whatever the server's culture.</summary>
    static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>XML-escapes text and attribute values.</summary>
    static string X(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                // Control characters are not allowed in XML 1.0 at all; they carry nothing worth showing in a title.
                < ' ' and not ('\t' or '\n' or '\r') => "",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }
}
