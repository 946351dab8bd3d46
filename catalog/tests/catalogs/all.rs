//! The list of shipped catalogs.

#[test]
fn all_catalogs_by_module_name() {
    let all = apierror_catalog::all();
    let summary: Vec<(&str, &str, usize)> = all
        .iter()
        .map(|(module, catalog)| (*module, catalog.name, catalog.variants.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("omise", "OmiseError", 44),
            ("omise_transfer_failure", "TransferFailureCode", 6),
            ("vipps_epayment", "EpaymentError", 56),
            ("oney_payment", "PaymentError", 17),
            ("oney_confirm", "ConfirmError", 7),
            ("oney_cancel", "CancelError", 11),
            ("oney_get_status", "GetStatusError", 4),
            ("oney_marketing", "MarketingError", 1),
            ("oney_http", "HttpError", 11),
        ]
    );
    // The same static list each time.
    assert!(std::ptr::eq(all, apierror_catalog::all()));
}
