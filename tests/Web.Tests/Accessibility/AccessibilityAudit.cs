using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Shipping.Web.Tests.Accessibility;

/// <summary>
/// The checks of WCAG 2.1 AA that a server-rendered page can be held to without a browser: the page's language, one main
/// heading, a name for every form control, button, link and image (1.1.1, 1.3.1, 2.4.6, 4.1.2), radio groups in a
/// fieldset with a legend, unique ids (4.1.1), no positive tabindex (2.4.3, the keyboard order is the reading order),
/// and the landmarks that let a screen-reader user skip to the content. Contrast is checked on the brand's colours
/// (PresentationTests); keyboard use in Chromium (CustomerJourneyTests).
/// </summary>
public static class AccessibilityAudit
{
    public static IReadOnlyList<string> Problems(string html, string? expectedLanguage = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();

        var lang = document.DocumentElement.GetAttribute("lang");
        if (string.IsNullOrWhiteSpace(lang))
        {
            problems.Add("<html> has no lang");
        }
        else if (expectedLanguage is not null && !lang.StartsWith(expectedLanguage, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"<html lang=\"{lang}\"> where the page is in {expectedLanguage}");
        }

        if (string.IsNullOrWhiteSpace(document.Title))
        {
            problems.Add("no <title>");
        }

        if (document.QuerySelectorAll("h1").Length != 1)
        {
            problems.Add($"{document.QuerySelectorAll("h1").Length} <h1> elements (one expected)");
        }

        if (document.QuerySelector("main") is null)
        {
            problems.Add("no <main> landmark");
        }

        foreach (var control in document.QuerySelectorAll("input, select, textarea"))
        {
            var type = control.GetAttribute("type")?.ToLowerInvariant();
            if (type is "hidden" or "submit" or "button" or "reset" or "image")
            {
                continue;
            }

            if (!HasLabel(document, control))
            {
                problems.Add($"{Describe(control)} has no label");
            }

            if (type == "radio" && control.Closest("fieldset")?.QuerySelector("legend") is null)
            {
                problems.Add($"{Describe(control)} is a radio button outside a fieldset with a legend");
            }
        }

        foreach (var element in document.QuerySelectorAll("button, a[href], input[type=submit], input[type=button]"))
        {
            if (string.IsNullOrWhiteSpace(AccessibleText(element)))
            {
                problems.Add($"{Describe(element)} has no accessible name");
            }
        }

        foreach (var image in document.QuerySelectorAll("img"))
        {
            if (!image.HasAttribute("alt"))
            {
                problems.Add($"{Describe(image)} has no alt");
            }
        }

        foreach (var svg in document.QuerySelectorAll("svg"))
        {
            var hidden = svg.GetAttribute("aria-hidden") == "true";
            var named = svg.HasAttribute("aria-label") || svg.HasAttribute("aria-labelledby") || svg.QuerySelector("title") is not null;
            if (!hidden && !named)
            {
                problems.Add($"{Describe(svg)} is neither named (title, aria-label) nor hidden from screen readers");
            }
        }

        foreach (var id in document.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).GroupBy(id => id).Where(g => g.Count() > 1))
        {
            problems.Add($"id \"{id.Key}\" is used {id.Count()} times");
        }

        foreach (var element in document.QuerySelectorAll("[tabindex]"))
        {
            if (int.TryParse(element.GetAttribute("tabindex"), out var index) && index > 0)
            {
                problems.Add($"{Describe(element)} has tabindex {index}");
            }
        }

        return problems;
    }

    private static bool HasLabel(IDocument document, IElement control)
    {
        if (control.HasAttribute("aria-label") && !string.IsNullOrWhiteSpace(control.GetAttribute("aria-label")))
        {
            return true;
        }

        if (control.GetAttribute("aria-labelledby") is { } ids)
        {
            return ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(id => document.GetElementById(id) is { } label && !string.IsNullOrWhiteSpace(label.TextContent));
        }

        if (control.Closest("label") is { } wrapping && !string.IsNullOrWhiteSpace(wrapping.TextContent))
        {
            return true;
        }

        return !string.IsNullOrEmpty(control.Id)
            && document.QuerySelectorAll("label").Any(l => l.GetAttribute("for") == control.Id && !string.IsNullOrWhiteSpace(l.TextContent));
    }

    private static string AccessibleText(IElement element) =>
        element.GetAttribute("aria-label")
        ?? (element.LocalName == "input" ? element.GetAttribute("value") : null)
        ?? string.Concat(element.TextContent, string.Join(' ', element.QuerySelectorAll("img[alt]").Select(i => i.GetAttribute("alt"))));

    private static string Describe(IElement element)
    {
        var text = element.OuterHtml;
        var end = text.IndexOf('>', StringComparison.Ordinal);
        return end > 0 && end < 160 ? text[..(end + 1)] : text[..Math.Min(text.Length, 160)];
    }
}
