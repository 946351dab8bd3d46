//! Each shipped catalog against its provider's published reference, transcribed in its module
//! (Omise's error and transfer failure references, Vipps ePayment's error page, Oney's error
//! tables), and the list of shipped catalogs.

mod oney_table;

mod all;
mod omise;
mod omise_transfer_failure;
mod oney_cancel;
mod oney_confirm;
mod oney_get_status;
mod oney_http;
mod oney_marketing;
mod oney_payment;
mod vipps_epayment;
