//! Vipps MobilePay ePayment API errors: the 56 error codes of the
//! [ePayment API errors](https://developer.vippsmobilepay.com/docs/APIs/epayment-api/api-guide/errors/)
//! page, in its five groups.
//!
//! Each variant carries the page's error code (the numeric string sent as the `ErrorCode`
//! entry of `extraDetails`, e.g. `"6080"`), its title (`#[title]`, the problem's `title`) and
//! its details (`#[message]`, the problem's `detail`). The doc comment of each variant is the
//! page's details text as published, example values included.
//!
//! ## One enum, five groups
//!
//! The page groups the codes as `InternalError` (3xxx), `InvalidRequest` (4xxx), `Merchant`
//! (5xxx), `Payment` (6xxx) and `Test environment` (10xxx). They are kept in one enum,
//! [`EpaymentError`], because a client receiving a problem body looks the code up in one
//! catalog and a server handler may fail in any group; [`EpaymentError::group`] (and
//! [`Group::of_code`] for a code read from the wire) gives the group.
//!
//! ## Templates
//!
//! Details that the page shows with concrete example values are templates with named
//! fields, each a `Cow<'static, str>`:
//!
//! | code | template field(s) | page's example |
//! |---|---|---|
//! | 4020 | `key` | `acme-shop-123-order123abc` |
//! | 4080, 5030 | `scope` | `something-something` |
//! | 4090 | `url` | `http://example.com` |
//! | 4120 | `key` | `something-something` |
//! | 4130 | `value` | `something-something` |
//! | 4140 | `parameter` | `something-something` |
//! | 5010 | `market` | `Norwegian` |
//! | 5050, 5080 | `msn` | `123456` |
//! | 5070, 6190, 6200, 6210 | `reference`, `state` | `acme-shop-123-order123abc`, `something-something` |
//! | 5090 | `reference`, `msn` | `acme-shop-123-order123abc`, `123456` |
//! | 6110, 6120 | `date` | `something-something` |
//! | 6230 | `reference` | `acme-shop-123-order123abc` |
//! | 10010 | `reason` | `something-something` |
//!
//! The page renders example values as code followed by a space before the next punctuation
//! (`Invalid state: something-something .`); the templates drop that space. The literal
//! `{reference}` in endpoint paths such as `GET:/epayment/v1/payments/{reference}/events` is
//! text, not a placeholder.
//!
//! ## Statuses
//!
//! The page gives an HTTP status for one code only: its example body answers 6080 with
//! `400 Bad Request`. The others were chosen from the ePayment OpenAPI specification
//! (v1.4.1), whose operations answer problems with `400`, `403` (create payment only), `404`
//! (cancel, capture and refund: unknown reference) and `409`, and from the group each code
//! belongs to:
//!
//! | codes | status | why |
//! |---|---|---|
//! | 3010 | 500 | an internal error; the spec lists no 5xx response, so the status is HTTP's own |
//! | 4010, 4020, 4150 | 409 | idempotency conflicts: the spec's `409` on create, capture and refund |
//! | other 4xxx | 400 | the request is malformed |
//! | 5xxx except 5090, 5100 | 403 | merchant configuration or permission: the spec's `403` on create payment, where these arise |
//! | 5090 | 404 | the reference does not exist: the spec's `404` on cancel, capture and refund |
//! | 5100 | 400 | a refund that configuration forbids; the refund operation lists no `403` |
//! | 6xxx except 6160 | 400 | payment state errors, like 6080 in the page's example |
//! | 6160 | 409 | the order is locked by a request in progress: a conflict, `409` on every adjust operation |
//! | 10xxx | 400 | the test environment's force-approve endpoint; the spec lists no error response for it, so its failures are answered like the other client errors |
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::vipps_epayment::{EpaymentError, Group};
//!
//! let err = EpaymentError::CannotCaptureBeforeReservation;
//! assert_eq!(err.status().as_u16(), 400);
//! assert_eq!(err.code(), "6080");
//! assert_eq!(err.title(), "Cannot capture before reservation");
//! assert_eq!(err.group(), Group::Payment);
//!
//! let err = EpaymentError::PaymentCannotBeCaptured {
//!     reference: "acme-shop-123-order123abc".into(),
//!     state: "CREATED".into(),
//! };
//! assert_eq!(
//!     err.message().to_string(),
//!     "Reference acme-shop-123-order123abc cannot be captured. Invalid state: CREATED."
//! );
//!
//! // A client reading `extraDetails` looks the code up.
//! let meta = EpaymentError::catalog().find("4020").unwrap();
//! assert_eq!(meta.title, "Idempotency error");
//! assert_eq!(Group::of_code("4020"), Some(Group::InvalidRequest));
//! ```

use std::borrow::Cow;

use apierror::ApiError;

/// A Vipps MobilePay ePayment API error, by its `ErrorCode`.
///
/// Its `Display` is the details text, and it implements [`std::error::Error`].
// The page's example values include a bare URL (4090), kept as published.
#[allow(rustdoc::bare_urls)]
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
#[non_exhaustive]
pub enum EpaymentError {
    // InternalError
    /// Internal error. This may be caused by an incorrect API request. Please check the request. See the status pages.
    #[status(500)]
    #[code("3010")]
    #[title("Internal error")]
    #[message("Internal error. This may be caused by an incorrect API request. Please check the request. See the status pages.")]
    InternalError,

    // InvalidRequest
    /// The capture request in an idempotent retry must be identical to the previous request(s). See Idempotency.
    #[status(409)]
    #[code("4010")]
    #[title("Capture idempotency conflict")]
    #[message("The capture request in an idempotent retry must be identical to the previous request(s). See Idempotency.")]
    CaptureIdempotencyConflict,

    /// Idempotency-Key acme-shop-123-order123abc already exists. See Idempotency.
    #[status(409)]
    #[code("4020")]
    #[title("Idempotency error")]
    #[message("Idempotency-Key {key} already exists. See Idempotency.")]
    IdempotencyError {
        /// The idempotency key or metadata key, as sent.
        key: Cow<'static, str>,
    },

    /// The amount is invalid. Amounts must be integers, no decimals. They are specified in minor units, like øre or cent. A common error is to specify amounts with decimals, sometimes due to rounding errors.
    #[status(400)]
    #[code("4040")]
    #[title("Invalid amount")]
    #[message("The amount is invalid. Amounts must be integers, no decimals. They are specified in minor units, like øre or cent. A common error is to specify amounts with decimals, sometimes due to rounding errors.")]
    InvalidAmount,

    /// The parameter CustomerToken is invalid. If you scan your personal QR, you can get a customer token that you can use to start a payment. If this is not valid, this message will be displayed. See Personal QR.
    #[status(400)]
    #[code("4050")]
    #[title("Invalid CustomerToken")]
    #[message("The parameter CustomerToken is invalid. If you scan your personal QR, you can get a customer token that you can use to start a payment. If this is not valid, this message will be displayed. See Personal QR.")]
    InvalidCustomerToken,

    /// The parameter PersonalQr is invalid. See Personal QR.
    #[status(400)]
    #[code("4060")]
    #[title("Invalid PersonalQr")]
    #[message("The parameter PersonalQr is invalid. See Personal QR.")]
    InvalidPersonalQr,

    /// The phone number is invalid. Phone numbers must be in MSISDN format: Country code and subscriber number, but no prefix.
    #[status(400)]
    #[code("4070")]
    #[title("Invalid phone number")]
    #[message("The phone number is invalid. Phone numbers must be in MSISDN format: Country code and subscriber number, but no prefix.")]
    InvalidPhoneNumber,

    /// The scope something-something is invalid.
    #[status(400)]
    #[code("4080")]
    #[title("Invalid scope")]
    #[message("The scope {scope} is invalid.")]
    InvalidScope {
        /// The requested scope.
        scope: Cow<'static, str>,
    },

    /// The parameter http://example.com is invalid.
    #[status(400)]
    #[code("4090")]
    #[title("Invalid URL")]
    #[message("The parameter {url} is invalid.")]
    InvalidUrl {
        /// The URL parameter, as sent.
        url: Cow<'static, str>,
    },

    /// The metadata object exceeds the maximum capacity.
    #[status(400)]
    #[code("4100")]
    #[title("Metadata capacity exceeded")]
    #[message("The metadata object exceeds the maximum capacity.")]
    MetadataCapacityExceeded,

    /// Duplicate keys are not allowed.
    #[status(400)]
    #[code("4110")]
    #[title("Metadata duplicate keys not allowed")]
    #[message("Duplicate keys are not allowed.")]
    MetadataDuplicateKeysNotAllowed,

    /// The key something-something exceeds the maximum allowed key length.
    #[status(400)]
    #[code("4120")]
    #[title("Metadata key length exceeded")]
    #[message("The key {key} exceeds the maximum allowed key length.")]
    MetadataKeyLengthExceeded {
        /// The idempotency key or metadata key, as sent.
        key: Cow<'static, str>,
    },

    /// The value something-something exceeds the maximum allowed value length.
    #[status(400)]
    #[code("4130")]
    #[title("Metadata value length exceeded")]
    #[message("The value {value} exceeds the maximum allowed value length.")]
    MetadataValueLengthExceeded {
        /// The metadata value, as sent.
        value: Cow<'static, str>,
    },

    /// The parameter something-something is required.
    #[status(400)]
    #[code("4140")]
    #[title("Missing required parameter")]
    #[message("The parameter {parameter} is required.")]
    MissingRequiredParameter {
        /// The name of the missing parameter.
        parameter: Cow<'static, str>,
    },

    /// The request in an idempotent retry must be identical to the previous request(s). See Idempotency.
    #[status(409)]
    #[code("4150")]
    #[title("Refund idempotency conflict")]
    #[message("The request in an idempotent retry must be identical to the previous request(s). See Idempotency.")]
    RefundIdempotencyConflict,

    // Merchant
    /// Not possible to block payment sources for market: 'Norwegian' Block payment sources is only available for Danish and Finnish sales units.
    #[status(403)]
    #[code("5010")]
    #[title("Blocking sources not applicable")]
    #[message("Not possible to block payment sources for market: '{market}' Block payment sources is only available for Danish and Finnish sales units.")]
    BlockingSourcesNotApplicable {
        /// The sales unit's market, e.g. `Norwegian`.
        market: Cow<'static, str>,
    },

    /// Express payment is not allowed for this sales unit.
    #[status(403)]
    #[code("5020")]
    #[title("Express payment not allowed")]
    #[message("Express payment is not allowed for this sales unit.")]
    ExpressPaymentNotAllowed,

    /// The scope something-something is illegal. Are you asking for more than you are allowed to? This occurs if the merchant asking for NIN or account number without proper permissions.
    #[status(403)]
    #[code("5030")]
    #[title("Illegal scope")]
    #[message("The scope {scope} is illegal. Are you asking for more than you are allowed to? This occurs if the merchant asking for NIN or account number without proper permissions.")]
    IllegalScope {
        /// The requested scope.
        scope: Cow<'static, str>,
    },

    /// You must use the currency which matches your merchants registered market. See Offering Vipps/MobilePay in the Nordics.
    #[status(403)]
    #[code("5040")]
    #[title("Invalid currency for merchant")]
    #[message("You must use the currency which matches your merchants registered market. See Offering Vipps/MobilePay in the Nordics.")]
    InvalidCurrencyForMerchant,

    /// The sales unit with MSN 123456 is not allowed to perform long-living payment requests.
    #[status(403)]
    #[code("5050")]
    #[title("Long-living payment not allowed")]
    #[message(
        "The sales unit with MSN {msn} is not allowed to perform long-living payment requests."
    )]
    LongLivingPaymentNotAllowed {
        /// The merchant serial number of the sales unit.
        msn: Cow<'static, str>,
    },

    /// The sales unit is active, but the merchant has not yet verified its bank account, and the sales unit cannot receive payments.
    #[status(403)]
    #[code("5060")]
    #[title("Merchant bank account not verified")]
    #[message("The sales unit is active, but the merchant has not yet verified its bank account, and the sales unit cannot receive payments.")]
    MerchantBankAccountNotVerified,

    /// Reference acme-shop-123-order123abc cannot be created. Invalid state: something-something, missing precondition, or incorrect merchant setup.
    #[status(403)]
    #[code("5070")]
    #[title("Payment cannot be created")]
    #[message("Reference {reference} cannot be created. Invalid state: {state}, missing precondition, or incorrect merchant setup.")]
    PaymentCannotBeCreated {
        /// The payment reference.
        reference: Cow<'static, str>,
        /// The payment's current state.
        state: Cow<'static, str>,
    },

    /// The sales unit with MSN 123456 is not allowed to use PUSH_MESSAGE flow.
    #[status(403)]
    #[code("5080")]
    #[title("PUSH_MESSAGE not allowed")]
    #[message("The sales unit with MSN {msn} is not allowed to use PUSH_MESSAGE flow.")]
    PushMessageNotAllowed {
        /// The merchant serial number of the sales unit.
        msn: Cow<'static, str>,
    },

    /// The reference acme-shop-123-order123abc does not exist for MSN 123456.
    #[status(404)]
    #[code("5090")]
    #[title("Reference not found")]
    #[message("The reference {reference} does not exist for MSN {msn}.")]
    ReferenceNotFound {
        /// The payment reference.
        reference: Cow<'static, str>,
        /// The merchant serial number of the sales unit.
        msn: Cow<'static, str>,
    },

    /// Cannot refund payment due to a configuration problem.
    #[status(400)]
    #[code("5100")]
    #[title("Refund not possible")]
    #[message("Cannot refund payment due to a configuration problem.")]
    RefundNotPossible,

    // Payment
    /// The amount is too small. Amounts are specified in minor units, like øre or cent. The minimum amounts allowed are NOK 100 øre, DKK 1 øre, EUR 1 cent.
    #[status(400)]
    #[code("6010")]
    #[title("Amount too small")]
    #[message("The amount is too small. Amounts are specified in minor units, like øre or cent. The minimum amounts allowed are NOK 100 øre, DKK 1 øre, EUR 1 cent.")]
    AmountTooSmall,

    /// Cannot refund a payment that is not reserved. Check the payment event log. See GET:/epayment/v1/payments/{reference}/events.
    #[status(400)]
    #[code("6020")]
    #[title("Attempted refund before reservation")]
    #[message("Cannot refund a payment that is not reserved. Check the payment event log. See GET:/epayment/v1/payments/{{reference}}/events.")]
    AttemptedRefundBeforeReservation,

    /// Payments can only be canceled within 180 days of the reservation. After reservation, payments can only be canceled within the payment capture deadlines.
    #[status(400)]
    #[code("6030")]
    #[title("Cancel period expired")]
    #[message("Payments can only be canceled within 180 days of the reservation. After reservation, payments can only be canceled within the payment capture deadlines.")]
    CancelPeriodExpired,

    /// Cannot cancel a payment that has been captured. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{reference}/events.
    #[status(400)]
    #[code("6040")]
    #[title("Cannot cancel a captured payment")]
    #[message("Cannot cancel a payment that has been captured. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{{reference}}/events.")]
    CannotCancelACapturedPayment,

    /// Cannot cancel a payment that is not reserved. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{reference}/events.
    #[status(400)]
    #[code("6050")]
    #[title("Cannot cancel a non-reserved payment")]
    #[message("Cannot cancel a payment that is not reserved. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{{reference}}/events.")]
    CannotCancelANonReservedPayment,

    /// This payment is authorized and cannot be cancelled when CancelTransactionOnly is set. This error can occur if the CancelTransactionOnly: true in the cancel request. See POST:/epayment/v1/payments/{reference}/cancel.
    #[status(400)]
    #[code("6060")]
    #[title("Cannot cancel authorized payment")]
    #[message("This payment is authorized and cannot be cancelled when CancelTransactionOnly is set. This error can occur if the CancelTransactionOnly: true in the cancel request. See POST:/epayment/v1/payments/{{reference}}/cancel.")]
    CannotCancelAuthorizedPayment,

    /// Cannot capture a payment that has been cancelled. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{reference}/events.
    #[status(400)]
    #[code("6070")]
    #[title("Cannot capture a cancelled payment")]
    #[message("Cannot capture a payment that has been cancelled. Check the payment event log. See Cancellations and GET:/epayment/v1/payments/{{reference}}/events.")]
    CannotCaptureACancelledPayment,

    /// The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.
    #[status(400)]
    #[code("6080")]
    #[title("Cannot capture before reservation")]
    #[message("The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.")]
    CannotCaptureBeforeReservation,

    /// The total capture amount exceeds the reserved amount. Cannot capture a higher amount than the amount the user has accepted. Check the payment details.
    #[status(400)]
    #[code("6090")]
    #[title("Capture amount too high")]
    #[message("The total capture amount exceeds the reserved amount. Cannot capture a higher amount than the amount the user has accepted. Check the payment details.")]
    CaptureAmountTooHigh,

    /// Cannot capture because the payment's capture period has passed. After reservation, payments can only be captured within the payment capture deadlines. See Reserve and capture.
    #[status(400)]
    #[code("6100")]
    #[title("Capture period expired")]
    #[message("Cannot capture because the payment's capture period has passed. After reservation, payments can only be captured within the payment capture deadlines. See Reserve and capture.")]
    CapturePeriodExpired,

    /// The expiration date something-something is too late. The maximum expiry is 60 days into the future.
    #[status(400)]
    #[code("6110")]
    #[title("Expiration date is too late")]
    #[message(
        "The expiration date {date} is too late. The maximum expiry is 60 days into the future."
    )]
    ExpirationDateIsTooLate {
        /// The requested expiry, as sent.
        date: Cow<'static, str>,
    },

    /// The expiration date something-something is too soon. The minimum expiry is 10 minutes into the future.
    #[status(400)]
    #[code("6120")]
    #[title("Expiration date is too soon")]
    #[message(
        "The expiration date {date} is too soon. The minimum expiry is 10 minutes into the future."
    )]
    ExpirationDateIsTooSoon {
        /// The requested expiry, as sent.
        date: Cow<'static, str>,
    },

    /// If ExpiresAt is set, receipt is mandatory. See Long-living payment requests.
    #[status(400)]
    #[code("6130")]
    #[title("Long living payments require a receipt")]
    #[message("If ExpiresAt is set, receipt is mandatory. See Long-living payment requests.")]
    LongLivingPaymentsRequireAReceipt,

    /// Partial capture is not allowed on this payment. See Partial capture.
    #[status(400)]
    #[code("6140")]
    #[title("Must capture full amount")]
    #[message("Partial capture is not allowed on this payment. See Partial capture.")]
    MustCaptureFullAmount,

    /// Cannot refund more than the available amount. Check the payment event log. See GET:/epayment/v1/payments/{reference}/events.
    #[status(400)]
    #[code("6150")]
    #[title("Not enough refundable")]
    #[message("Cannot refund more than the available amount. Check the payment event log. See GET:/epayment/v1/payments/{{reference}}/events.")]
    NotEnoughRefundable,

    /// Order locked and is already processing.
    #[status(409)]
    #[code("6160")]
    #[title("Order processing")]
    #[message("Order locked and is already processing.")]
    OrderProcessing,

    /// The payment has already been captured. See Capture.
    #[status(400)]
    #[code("6170")]
    #[title("Payment already captured")]
    #[message("The payment has already been captured. See Capture.")]
    PaymentAlreadyCaptured,

    /// Cannot refund a payment that has already been refunded. Check the payment event log. See GET:/epayment/v1/payments/{reference}/events.
    #[status(400)]
    #[code("6180")]
    #[title("Payment already refunded")]
    #[message("Cannot refund a payment that has already been refunded. Check the payment event log. See GET:/epayment/v1/payments/{{reference}}/events.")]
    PaymentAlreadyRefunded,

    /// Reference acme-shop-123-order123abc cannot be cancelled. Invalid state: something-something. See Cancellations.
    #[status(400)]
    #[code("6190")]
    #[title("Payment cannot be cancelled")]
    #[message(
        "Reference {reference} cannot be cancelled. Invalid state: {state}. See Cancellations."
    )]
    PaymentCannotBeCancelled {
        /// The payment reference.
        reference: Cow<'static, str>,
        /// The payment's current state.
        state: Cow<'static, str>,
    },

    /// Reference acme-shop-123-order123abc cannot be captured. Invalid state: something-something.
    #[status(400)]
    #[code("6200")]
    #[title("Payment cannot be captured")]
    #[message("Reference {reference} cannot be captured. Invalid state: {state}.")]
    PaymentCannotBeCaptured {
        /// The payment reference.
        reference: Cow<'static, str>,
        /// The payment's current state.
        state: Cow<'static, str>,
    },

    /// Reference acme-shop-123-order123abc cannot be refunded. Invalid state: something-something.
    #[status(400)]
    #[code("6210")]
    #[title("Payment cannot be refunded")]
    #[message("Reference {reference} cannot be refunded. Invalid state: {state}.")]
    PaymentCannotBeRefunded {
        /// The payment reference.
        reference: Cow<'static, str>,
        /// The payment's current state.
        state: Cow<'static, str>,
    },

    /// Payments can only be refunded within 365 days of the reservation. See Reserve and capture.
    #[status(400)]
    #[code("6220")]
    #[title("Refund period expired")]
    #[message("Payments can only be refunded within 365 days of the reservation. See Reserve and capture.")]
    RefundPeriodExpired,

    /// The payment with reference acme-shop-123-order123abc has already been reserved.
    #[status(400)]
    #[code("6230")]
    #[title("Payment is already reserved")]
    #[message("The payment with reference {reference} has already been reserved.")]
    PaymentIsAlreadyReserved {
        /// The payment reference.
        reference: Cow<'static, str>,
    },

    /// Express payments with static shipping details require a list of shipping options.
    #[status(400)]
    #[code("6240")]
    #[title("Shipping details required")]
    #[message("Express payments with static shipping details require a list of shipping options.")]
    ShippingDetailsRequired,

    // Test environment
    /// Force approve payment failed. Reason: something-something. This for the "force approve" endpoint in the test environment.
    #[status(400)]
    #[code("10010")]
    #[title("Approve failed")]
    #[message("Force approve payment failed. Reason: {reason}. This for the \"force approve\" endpoint in the test environment.")]
    ApproveFailed {
        /// Why the approval failed.
        reason: Cow<'static, str>,
    },

    /// The payment is in a state that does not allow approval. This for the "force approve" endpoint in the test environment.
    #[status(400)]
    #[code("10020")]
    #[title("Approve not allowed")]
    #[message("The payment is in a state that does not allow approval. This for the \"force approve\" endpoint in the test environment.")]
    ApproveNotAllowed,

    /// The user must identify before proceeding. This for the "force approve" endpoint in the test environment.
    #[status(400)]
    #[code("10030")]
    #[title("Identification required")]
    #[message("The user must identify before proceeding. This for the \"force approve\" endpoint in the test environment.")]
    IdentificationRequired,

    /// The payment source is disabled or does not exist.
    #[status(400)]
    #[code("10040")]
    #[title("Invalid payment source")]
    #[message("The payment source is disabled or does not exist.")]
    InvalidPaymentSource,

    /// The user does not have any payment cards. The user must add a valid card in the app.
    #[status(400)]
    #[code("10050")]
    #[title("No cards")]
    #[message(
        "The user does not have any payment cards. The user must add a valid card in the app."
    )]
    NoCards,

    /// The attempted payment operation is not supported. This for the "force approve" endpoint in the test environment.
    #[status(400)]
    #[code("10060")]
    #[title("Operation not supported")]
    #[message("The attempted payment operation is not supported. This for the \"force approve\" endpoint in the test environment.")]
    OperationNotSupported,

    /// The merchant's payment request limit is exceeded.
    #[status(400)]
    #[code("10070")]
    #[title("Payment limit exceeded")]
    #[message("The merchant's payment request limit is exceeded.")]
    PaymentLimitExceeded,
}

crate::display_via_message!(EpaymentError);

impl EpaymentError {
    /// The group the page lists this error under.
    pub fn group(&self) -> Group {
        // Every code of the catalog falls in a group's range (checked by the tests).
        Group::of_code(self.code()).unwrap_or(Group::InternalError)
    }
}

/// The five groups of the ePayment error page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// `InternalError`: codes 3000–3999.
    InternalError,
    /// `InvalidRequest`: a problem with how the request was formed; codes 4000–4999.
    InvalidRequest,
    /// `Merchant`: a problem with merchant configuration or permission; codes 5000–5999.
    Merchant,
    /// `Payment`: a problem with a payment; codes 6000–6999.
    Payment,
    /// `Test environment`: only encountered in the test environment; codes 10000–10999.
    TestEnvironment,
}

impl Group {
    /// Every group, in the page's order.
    pub const ALL: [Group; 5] = [
        Group::InternalError,
        Group::InvalidRequest,
        Group::Merchant,
        Group::Payment,
        Group::TestEnvironment,
    ];

    /// The group's heading on the page.
    pub fn name(self) -> &'static str {
        match self {
            Group::InternalError => "InternalError",
            Group::InvalidRequest => "InvalidRequest",
            Group::Merchant => "Merchant",
            Group::Payment => "Payment",
            Group::TestEnvironment => "Test environment",
        }
    }

    /// The group of an error code, by its numeric range; `None` for a code outside every
    /// group's range (or not a number).
    pub fn of_code(code: &str) -> Option<Group> {
        match code.parse::<u32>().ok()? {
            3000..=3999 => Some(Group::InternalError),
            4000..=4999 => Some(Group::InvalidRequest),
            5000..=5999 => Some(Group::Merchant),
            6000..=6999 => Some(Group::Payment),
            10000..=10999 => Some(Group::TestEnvironment),
            _ => None,
        }
    }
}
