"""Document handling around the SiteDocument model: text extraction, upload form, filters."""
