//! The Vipps ePayment catalog against the error page, transcribed here (code, title and
//! details as published, with the page's example values), plus the statuses this crate
//! chose (see the module docs of `vipps_epayment`).

use std::borrow::Cow;

use apierror::ApiError;
use apierror_catalog::vipps_epayment::{EpaymentError, Group};

/// (code, status, title, details as published), in the page's order.
const TABLE: &[(&str, u16, &str, &str)] = &[
    ("3010", 500, "Internal error", "Internal error. This may be caused by an incorrect API request. Please check the request. See the status pages."),
    ("4010", 409, "Capture idempotency conflict", "The capture request in an idempotent retry must be identical to the previous request(s). See Idempotency."),
    ("4020", 409, "Idempotency error", "Idempotency-Key acme-shop-123-order123abc already exists. See Idempotency."),
    ("4040", 400, "Invalid amount", "The amount is invalid. Amounts must be integers, no decimals. They are specified in minor units, like øre or cent. A common error is to specify amounts with decimals, sometimes due to rounding errors."),
    ("4050", 400, "Invalid CustomerToken", "The parameter CustomerToken is invalid. If you scan your personal QR, you can get a customer token that you can use to start a payment. If this is not valid, this message will be displayed. See Personal QR."),
    ("4060", 400, "Invalid PersonalQr", "The parameter PersonalQr is invalid. See Personal QR."),
    ("4070", 400, "Invalid phone number", "The phone number is invalid. Phone numbers must be in MSISDN format: Country code and subscriber number, but no prefix."),
    ("4080", 400, "Invalid scope", "The scope something-something is invalid."),
    ("4090", 400, "Invalid URL", "The parameter http://example.com is invalid."),
    ("4100", 400, "Metadata capacity exceeded", "The metadata object exceeds the maximum capacity."),
    ("4110", 400, "Metadata duplicate keys not allowed", "Duplicate keys are not allowed."),
    ("4120", 400, "Metadata key length exceeded", "The key something-something exceeds the maximum allowed key length."),
    ("4130", 400, "Metadata value length exceeded", "The value something-something exceeds the maximum allowed value length."),
    ("4140", 400, "Missing required parameter", "The parameter something-something is required."),
    ("4150", 409, "Refund idempotency conflict", "The request in an idempotent retry must be identical to the previous request(s). See Idempotency."),
    ("5010", 403, "Blocking sources not applicable", "Not possible to block payment sources for market: 'Norwegian' Block payment sources is only available for Danish and Finnish sales units."),
    ("5020", 403, "Express payment not allowed", "Express payment is not allowed for this sales unit."),
    ("5030", 403, "Illegal scope", "The scope something-something is illegal. Are you asking for more than you are allowed to? This occurs if the merchant asking for NIN or account number without proper permissions."),
    ("5040", 403, "Invalid currency for merchant", "You must use the currency which matches your merchants registered market. See Offering Vipps/MobilePay in the Nordics."),
    ("5050", 403, "Long-living payment not allowed", "The sales unit with MSN 123456 is not allowed to perform long-living payment requests."),
    ("5060", 403, "Merchant bank account not verified", "The sales unit is active, but the merchant has not yet verified its bank account, and the sales unit cannot receive payments."),
    ("5070", 403, "Payment cannot be created", "Reference acme-shop-123-order123abc cannot be created. Invalid state: something-something , missing precondition, or incorrect merchant setup."),
    ("5080", 403, "PUSH_MESSAGE not allowed", "The sales unit with MSN 123456 is not allowed to use PUSH_MESSAGE flow."),
    ("5090", 404, "Reference not found", "The reference acme-shop-123-order123abc does not exist for MSN 123456."),
    ("5100", 400, "Refund not possible", "Cannot refund payment due to a configuration problem."),
    ("6010", 400, "Amount too small", "The amount is too small. Amounts are specified in minor units, like øre or cent. The minimum amounts allowed are NOK 100 øre, DKK 1 øre, EUR 1 cent."),
    ("6020", 400, "Attempted refund before reservation", "Cannot refund a payment that is not reserved. Check the payment event log. See GET:/epayment/v1/payments/{reference}/events ."),
    ("6030", 400, "Cancel period expired", "Payments can only be canceled within 180 days of the reservation. After reservation, payments can only be canceled within the payment capture deadlines."),
    ("6040", 400, "Cannot cancel a captured payment", "Cannot cancel a payment that has been captured. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{reference}/events ."),
    ("6050", 400, "Cannot cancel a non-reserved payment", "Cannot cancel a payment that is not reserved. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{reference}/events ."),
    ("6060", 400, "Cannot cancel authorized payment", "This payment is authorized and cannot be cancelled when CancelTransactionOnly is set. This error can occur if the CancelTransactionOnly: true in the cancel request. See POST:/epayment/v1/payments/{reference}/cancel ."),
    ("6070", 400, "Cannot capture a cancelled payment", "Cannot capture a payment that has been cancelled. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{reference}/events ."),
    ("6080", 400, "Cannot capture before reservation", "The amount you tried to capture is not reserved. The user must accept the payment before capture can be done."),
    ("6090", 400, "Capture amount too high", "The total capture amount exceeds the reserved amount. Cannot capture a higher amount than the amount the user has accepted. Check the payment details."),
    ("6100", 400, "Capture period expired", "Cannot capture because the payment's capture period has passed. After reservation, payments can only be captured within the payment capture deadlines. See Reserve and capture."),
    ("6110", 400, "Expiration date is too late", "The expiration date something-something is too late. The maximum expiry is 60 days into the future."),
    ("6120", 400, "Expiration date is too soon", "The expiration date something-something is too soon. The minimum expiry is 10 minutes into the future."),
    ("6130", 400, "Long living payments require a receipt", "If ExpiresAt is set, receipt is mandatory. See Long-living payment requests."),
    ("6140", 400, "Must capture full amount", "Partial capture is not allowed on this payment. See Partial capture."),
    ("6150", 400, "Not enough refundable", "Cannot refund more than the available amount. Check the payment event log. See GET:/epayment/v1/payments/{reference}/events ."),
    ("6160", 409, "Order processing", "Order locked and is already processing."),
    ("6170", 400, "Payment already captured", "The payment has already been captured. See Capture."),
    ("6180", 400, "Payment already refunded", "Cannot refund a payment that has already been refunded. Check the payment event log. See GET:/epayment/v1/payments/{reference}/events ."),
    ("6190", 400, "Payment cannot be cancelled", "Reference acme-shop-123-order123abc cannot be cancelled. Invalid state: something-something . See Cancellations."),
    ("6200", 400, "Payment cannot be captured", "Reference acme-shop-123-order123abc cannot be captured. Invalid state: something-something ."),
    ("6210", 400, "Payment cannot be refunded", "Reference acme-shop-123-order123abc cannot be refunded. Invalid state: something-something ."),
    ("6220", 400, "Refund period expired", "Payments can only be refunded within 365 days of the reservation. See Reserve and capture."),
    ("6230", 400, "Payment is already reserved", "The payment with reference acme-shop-123-order123abc has already been reserved."),
    ("6240", 400, "Shipping details required", "Express payments with static shipping details require a list of shipping options."),
    ("10010", 400, "Approve failed", "Force approve payment failed. Reason: something-something . This for the \"force approve\" endpoint in the test environment."),
    ("10020", 400, "Approve not allowed", "The payment is in a state that does not allow approval. This for the \"force approve\" endpoint in the test environment."),
    ("10030", 400, "Identification required", "The user must identify before proceeding. This for the \"force approve\" endpoint in the test environment."),
    ("10040", 400, "Invalid payment source", "The payment source is disabled or does not exist."),
    ("10050", 400, "No cards", "The user does not have any payment cards. The user must add a valid card in the app."),
    ("10060", 400, "Operation not supported", "The attempted payment operation is not supported. This for the \"force approve\" endpoint in the test environment."),
    ("10070", 400, "Payment limit exceeded", "The merchant's payment request limit is exceeded."),
];

/// The page's details without the space it leaves between an example value and the next
/// punctuation mark.
fn tidy(details: &str) -> String {
    details.replace(" .", ".").replace(" ,", ",")
}

/// The text a template stands for, with its `{{` / `}}` escapes undone.
fn unescape(template: &str) -> String {
    template.replace("{{", "{").replace("}}", "}")
}

/// Codes whose details are templates, with their template as this crate declares it.
const TEMPLATES: &[(&str, &str)] = &[
    ("4020", "Idempotency-Key {key} already exists. See Idempotency."),
    ("4080", "The scope {scope} is invalid."),
    ("4090", "The parameter {url} is invalid."),
    ("4120", "The key {key} exceeds the maximum allowed key length."),
    ("4130", "The value {value} exceeds the maximum allowed value length."),
    ("4140", "The parameter {parameter} is required."),
    ("5010", "Not possible to block payment sources for market: '{market}' Block payment sources is only available for Danish and Finnish sales units."),
    ("5030", "The scope {scope} is illegal. Are you asking for more than you are allowed to? This occurs if the merchant asking for NIN or account number without proper permissions."),
    ("5050", "The sales unit with MSN {msn} is not allowed to perform long-living payment requests."),
    ("5070", "Reference {reference} cannot be created. Invalid state: {state}, missing precondition, or incorrect merchant setup."),
    ("5080", "The sales unit with MSN {msn} is not allowed to use PUSH_MESSAGE flow."),
    ("5090", "The reference {reference} does not exist for MSN {msn}."),
    ("6110", "The expiration date {date} is too late. The maximum expiry is 60 days into the future."),
    ("6120", "The expiration date {date} is too soon. The minimum expiry is 10 minutes into the future."),
    ("6190", "Reference {reference} cannot be cancelled. Invalid state: {state}. See Cancellations."),
    ("6200", "Reference {reference} cannot be captured. Invalid state: {state}."),
    ("6210", "Reference {reference} cannot be refunded. Invalid state: {state}."),
    ("6230", "The payment with reference {reference} has already been reserved."),
    ("10010", "Force approve payment failed. Reason: {reason}. This for the \"force approve\" endpoint in the test environment."),
];

#[test]
fn catalog_matches_the_page_in_order() {
    let catalog = EpaymentError::catalog();
    assert_eq!(catalog.name, "EpaymentError");
    assert_eq!(catalog.variants.len(), 56);
    assert_eq!(catalog.variants.len(), TABLE.len());
    for (meta, &(code, status, title, details)) in catalog.variants.iter().zip(TABLE) {
        assert_eq!(meta.code, code);
        assert_eq!(meta.status, status, "{code}");
        assert_eq!(meta.title, title, "{code}");
        assert_eq!(meta.description, tidy(details), "{code}");
        let template = meta.message.unwrap();
        match TEMPLATES.iter().find(|(c, _)| *c == code) {
            Some(&(_, expected)) => assert_eq!(template, expected, "{code}"),
            None => {
                assert!(meta.fields.is_empty(), "{code}");
                assert_eq!(unescape(template), tidy(details), "{code}");
            }
        }
    }
    let templated = catalog.variants.iter().filter(|v| !v.fields.is_empty());
    assert_eq!(templated.count(), TEMPLATES.len());
}

fn s(text: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(text)
}

#[test]
fn templates_render_the_page_examples() {
    const REF: &str = "acme-shop-123-order123abc";
    const SS: &str = "something-something";
    use EpaymentError as E;
    let samples = [
        E::IdempotencyError { key: s(REF) },
        E::InvalidScope { scope: s(SS) },
        E::InvalidUrl {
            url: s("http://example.com"),
        },
        E::MetadataKeyLengthExceeded { key: s(SS) },
        E::MetadataValueLengthExceeded { value: s(SS) },
        E::MissingRequiredParameter { parameter: s(SS) },
        E::BlockingSourcesNotApplicable {
            market: s("Norwegian"),
        },
        E::IllegalScope { scope: s(SS) },
        E::LongLivingPaymentNotAllowed { msn: s("123456") },
        E::PaymentCannotBeCreated {
            reference: s(REF),
            state: s(SS),
        },
        E::PushMessageNotAllowed { msn: s("123456") },
        E::ReferenceNotFound {
            reference: s(REF),
            msn: s("123456"),
        },
        E::ExpirationDateIsTooLate { date: s(SS) },
        E::ExpirationDateIsTooSoon { date: s(SS) },
        E::PaymentCannotBeCancelled {
            reference: s(REF),
            state: s(SS),
        },
        E::PaymentCannotBeCaptured {
            reference: s(REF),
            state: s(SS),
        },
        E::PaymentCannotBeRefunded {
            reference: s(REF),
            state: s(SS),
        },
        E::PaymentIsAlreadyReserved { reference: s(REF) },
        E::ApproveFailed { reason: s(SS) },
    ];
    assert_eq!(samples.len(), TEMPLATES.len());
    for err in &samples {
        let (_, _, _, details) = TABLE.iter().find(|row| row.0 == err.code()).unwrap();
        assert_eq!(err.message().to_string(), tidy(details), "{}", err.code());
    }
    // Other values, other text.
    let err = E::ReferenceNotFound {
        reference: "order-42".into(),
        msn: String::from("654321").into(),
    };
    assert_eq!(
        err.to_string(),
        "The reference order-42 does not exist for MSN 654321."
    );
}

#[test]
fn literal_braces_stay_text() {
    let err = EpaymentError::NotEnoughRefundable;
    assert_eq!(
        err.message().to_string(),
        "Cannot refund more than the available amount. Check the payment event log. See GET:/epayment/v1/payments/{reference}/events."
    );
    assert_eq!(
        EpaymentError::CannotCancelAuthorizedPayment.to_string(),
        "This payment is authorized and cannot be cancelled when CancelTransactionOnly is set. This error can occur if the CancelTransactionOnly: true in the cancel request. See POST:/epayment/v1/payments/{reference}/cancel."
    );
}

#[test]
fn each_group_has_its_published_codes_and_name() {
    let catalog = EpaymentError::catalog();
    let count = |group: Group| {
        catalog
            .variants
            .iter()
            .filter(|v| Group::of_code(v.code) == Some(group))
            .count()
    };
    assert_eq!(
        Group::ALL.map(count),
        [1, 14, 10, 24, 7],
        "InternalError, InvalidRequest, Merchant, Payment, Test environment"
    );
    assert_eq!(
        Group::ALL.map(Group::name),
        [
            "InternalError",
            "InvalidRequest",
            "Merchant",
            "Payment",
            "Test environment"
        ]
    );
    assert_eq!(EpaymentError::InternalError.group(), Group::InternalError);
    assert_eq!(EpaymentError::NoCards.group(), Group::TestEnvironment);
    assert_eq!(EpaymentError::RefundNotPossible.group(), Group::Merchant);
    assert_eq!(Group::of_code("7000"), None);
    assert_eq!(Group::of_code("abc"), None);
}

#[test]
fn seed_example_status() {
    // The page's example: 6080 answered with 400 Bad Request.
    let err = EpaymentError::CannotCaptureBeforeReservation;
    assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
    assert_eq!(
        err.to_string(),
        "The amount you tried to capture is not reserved. The user must accept the payment before capture can be done."
    );
}
