// Counterparties: models decoded from JSON shaped like the spec's examples, and request
// building (routes, query, bodies, validation), without sockets.
#include "model_test_support.hpp"

#include <revolut/api/counterparties.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
using revolut_test::body_of;
namespace requests = revolut::detail::counterparties;
using verb = boost::beast::http::verb;

namespace {

const Uuid cp_id{"3a1f5c2e-7d4b-4e8a-9c61-2b5d8f0e4a17"};
const Uuid method_id{"9e2d7c41-0b3a-4f6e-8d25-6c1a9b7e3f08"};

template <class F>
void require_invalid(F f) {
    try {
        f();
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
    }
}

template <class T>
void require_invalid_response(const std::string& body) {
    try {
        decode<T>(body);
        FAIL("decoded");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_response);
    }
}

// A bank-account counterparty with every account field, modelled on the spec's examples.
const char* bank_counterparty = R"({
  "id": "3a1f5c2e-7d4b-4e8a-9c61-2b5d8f0e4a17",
  "name": "Marta Quinlan Ltd",
  "profile_type": "business",
  "state": "created",
  "created_at": "2023-04-11T09:15:27.104823Z",
  "updated_at": "2023-04-12T10:00:00Z",
  "accounts": [{
    "id": "9e2d7c41-0b3a-4f6e-8d25-6c1a9b7e3f08",
    "name": "Marta Quinlan Ltd",
    "bank_country": "BR",
    "currency": "BRL",
    "type": "external",
    "account_no": "00012345",
    "iban": "GB33BUKB20201555555555",
    "sort_code": "402011",
    "routing_number": "021000021",
    "bic": "BUKBGB22",
    "clabe": "032180000118359719",
    "ifsc": "HDFC0000123",
    "bsb_code": "062000",
    "route": "fedwire",
    "bank_number": "341",
    "branch_code": "0042",
    "account_type": "savings",
    "tax_id": "12.345.678/0001-90",
    "national_id": "1020304050",
    "phone": "+5511987654321",
    "business_registration_id": "RC-778",
    "recipient_charges": "no",
    "address": {"street_line1": "4 Quay Road", "street_line2": "Unit 2", "region": "Leinster",
                "city": "Dublin", "country": "IE", "postcode": "D02 X285"}
  }],
  "cards": [{"id": "c7b4e2a9-1d3f-4a5b-8c6d-7e8f9a0b1c2d", "name": "Marta Quinlan",
             "last_digits": 4417, "scheme": "visa", "country": "GB", "currency": "GBP"}]
})";

}  // namespace

TEST_CASE("a bank-account counterparty decodes every field", "[counterparties]") {
    auto c = decode<Counterparty>(bank_counterparty);
    CHECK(c.id == cp_id);
    CHECK(c.name == "Marta Quinlan Ltd");
    CHECK_FALSE(c.revtag);
    REQUIRE(c.profile_type);
    CHECK(*c.profile_type == CounterpartyProfileType::business);
    CHECK_FALSE(c.country);
    CHECK(c.state == CounterpartyState::created);
    CHECK(c.created_at == parse_timestamp("2023-04-11T09:15:27.104823Z"));
    CHECK(c.updated_at == parse_timestamp("2023-04-12T10:00:00Z"));
    REQUIRE(c.accounts.size() == 1);
    const auto& a = c.accounts[0];
    CHECK(a.id == method_id);
    CHECK(a.name == "Marta Quinlan Ltd");
    CHECK(a.bank_country == "BR");
    CHECK(a.currency == "BRL");
    CHECK(a.type == CounterpartyAccountType::external);
    CHECK(a.account_no == "00012345");
    CHECK(a.iban == "GB33BUKB20201555555555");
    CHECK(a.sort_code == "402011");
    CHECK(a.routing_number == "021000021");
    CHECK(a.bic == "BUKBGB22");
    CHECK(a.clabe == "032180000118359719");
    CHECK(a.ifsc == "HDFC0000123");
    CHECK(a.bsb_code == "062000");
    REQUIRE(a.route);
    CHECK(*a.route == CounterpartyRoute::fedwire);
    CHECK(a.bank_number == "341");
    CHECK(a.branch_code == "0042");
    REQUIRE(a.account_type);
    CHECK(*a.account_type == CounterpartyBankAccountType::savings);
    CHECK(a.tax_id == "12.345.678/0001-90");
    CHECK(a.national_id == "1020304050");
    CHECK(a.phone == "+5511987654321");
    CHECK(a.business_registration_id == "RC-778");
    CHECK(a.recipient_charges == "no");
    REQUIRE(a.address);
    CHECK(a.address->street_line1 == "4 Quay Road");
    CHECK(a.address->street_line2 == "Unit 2");
    CHECK(a.address->region == "Leinster");
    CHECK(a.address->city == "Dublin");
    CHECK(a.address->country == "IE");
    CHECK(a.address->postcode == "D02 X285");
    REQUIRE(c.cards.size() == 1);
    CHECK(c.cards[0].id == Uuid("c7b4e2a9-1d3f-4a5b-8c6d-7e8f9a0b1c2d"));
    CHECK(c.cards[0].name == "Marta Quinlan");
    CHECK(c.cards[0].last_digits == "4417");  // a number in the spec's example, a string in its schema
    CHECK(c.cards[0].scheme == CounterpartyCardScheme::visa);
    CHECK(c.cards[0].country == "GB");
    CHECK(c.cards[0].currency == "GBP");
}

TEST_CASE("a Revtag counterparty has no accounts, unknown enum values are kept", "[counterparties]") {
    auto list = decode<std::vector<Counterparty>>(R"([{
        "id": "3a1f5c2e-7d4b-4e8a-9c61-2b5d8f0e4a17", "name": "Oren Balfour", "revtag": "orenb",
        "profile_type": "joint", "country": "GB", "state": "archived",
        "created_at": "2022-11-02T08:00:00Z", "updated_at": "2022-11-02T08:00:00Z",
        "accounts": [{"id": "9e2d7c41-0b3a-4f6e-8d25-6c1a9b7e3f08", "currency": "GBP", "type": "wallet",
                      "route": "rtp", "account_type": "money_market"}]}])");
    REQUIRE(list.size() == 1);
    const auto& c = list[0];
    CHECK(c.revtag == "orenb");
    CHECK(c.country == "GB");
    REQUIRE(c.profile_type);
    CHECK_FALSE(c.profile_type->is_known());
    CHECK(c.profile_type->str() == "joint");
    CHECK(c.state.str() == "archived");
    REQUIRE(c.accounts.size() == 1);
    CHECK(c.accounts[0].type.str() == "wallet");
    CHECK(c.accounts[0].route->str() == "rtp");
    CHECK(c.accounts[0].account_type->str() == "money_market");
    CHECK_FALSE(c.accounts[0].name);
    CHECK(c.cards.empty());
}

TEST_CASE("a counterparty missing a required field is an invalid response", "[counterparties]") {
    require_invalid_response<Counterparty>(
        R"({"id":"3a1f5c2e-7d4b-4e8a-9c61-2b5d8f0e4a17","state":"created",
            "created_at":"2022-11-02T08:00:00Z","updated_at":"2022-11-02T08:00:00Z"})");  // no name
    require_invalid_response<Counterparty>(
        R"({"id":"3a1f5c2e-7d4b-4e8a-9c61-2b5d8f0e4a17","name":"X","state":"created",
            "created_at":"2022-11-02T08:00:00Z","updated_at":"2022-11-02T08:00:00Z",
            "accounts":[{"id":"9e2d7c41-0b3a-4f6e-8d25-6c1a9b7e3f08","type":"external"}]})");  // no currency
    require_invalid_response<Counterparty>(
        R"({"id":"not-a-uuid","name":"X","state":"created",
            "created_at":"2022-11-02T08:00:00Z","updated_at":"2022-11-02T08:00:00Z"})");
}

TEST_CASE("countries and field requirements decode like the spec's examples", "[counterparties]") {
    auto countries = decode<CounterpartyCountries>(
        R"({"countries":[{"country":"NZ","currencies":["NZD"]},{"country":"CH","currencies":["CHF","EUR"]}]})");
    REQUIRE(countries.countries.size() == 2);
    CHECK(countries.countries[1].country == "CH");
    CHECK(countries.countries[1].currencies == std::vector<std::string>{"CHF", "EUR"});
    require_invalid_response<CounterpartyCountries>(R"({})");

    auto fields = decode<CounterpartyRequirements>(R"({"fields":[
        {"name":"company_name","required":true,"regex":{"pattern":"^.{1,140}$","description":"Up to 140"}},
        {"name":"route","required":false,"options":[{"value":"ach","default":true},{"value":"swift"}]}]})");
    REQUIRE(fields.fields.size() == 2);
    CHECK(fields.fields[0].name == "company_name");
    CHECK(fields.fields[0].required);
    REQUIRE(fields.fields[0].regex);
    CHECK(fields.fields[0].regex->pattern == "^.{1,140}$");
    CHECK(fields.fields[0].regex->description == "Up to 140");
    CHECK(fields.fields[0].options.empty());
    CHECK_FALSE(fields.fields[1].required);
    CHECK_FALSE(fields.fields[1].regex);
    REQUIRE(fields.fields[1].options.size() == 2);
    CHECK(fields.fields[1].options[0].value == "ach");
    CHECK(fields.fields[1].options[0].is_default == true);
    CHECK_FALSE(fields.fields[1].options[1].is_default);
    require_invalid_response<CounterpartyRequirements>(R"({"fields":[{"name":"x"}]})");  // no required
}

TEST_CASE("account-name validation results decode with reason and names", "[counterparties]") {
    auto close = decode<AccountNameValidation>(
        R"({"result_code":"close_match","reason":{"type":"uk_cop","code":"close_match"},
            "individual_name":{"first_name":"Tamsin","last_name":"Oduya"}})");
    CHECK(close.result_code == AccountNameMatch::close_match);
    REQUIRE(close.reason);
    CHECK(close.reason->type == "uk_cop");
    CHECK(close.reason->code == "close_match");
    REQUIRE(close.individual_name);
    CHECK(close.individual_name->first_name == "Tamsin");
    CHECK(close.individual_name->last_name == "Oduya");
    CHECK_FALSE(close.company_name);

    auto unsupported = decode<AccountNameValidation>(
        R"({"result_code":"cannot_be_checked","reason":{"code":"not_supported"}})");
    CHECK(unsupported.result_code == AccountNameMatch::cannot_be_checked);
    CHECK_FALSE(unsupported.reason->type);

    auto future = decode<AccountNameValidation>(R"({"result_code":"partially_matched","company_name":"Fenwick Co."})");
    CHECK(future.result_code.str() == "partially_matched");
    CHECK(future.company_name == "Fenwick Co.");
    require_invalid_response<AccountNameValidation>(R"({"company_name":"Fenwick Co."})");
}

TEST_CASE("counterparty routes and list query", "[counterparties]") {
    CHECK(requests::get_counterparty(cp_id).target == "/1.0/counterparty/3a1f5c2e-7d4b-4e8a-9c61-2b5d8f0e4a17");
    CHECK(requests::delete_counterparty(cp_id).method == verb::delete_);
    CHECK(requests::get_counterparty_countries().target == "/1.0/counterparties/countries");
    auto list = requests::get_all_counterparties({}, std::nullopt, std::nullopt);
    CHECK(list.method == verb::get);
    CHECK(list.target == "/1.0/counterparties");
    CounterpartyFilter filter;
    filter.name = "Jo & Co";
    filter.account_no = "12345678";
    filter.sort_code = "54-01-05";
    auto filtered = requests::get_all_counterparties(
        filter, CreatedBefore{std::string("2024-03-01T10:00:00+01:00")}, 500);
    CHECK(filtered.target ==
          "/1.0/counterparties?name=Jo%20%26%20Co&account_no=12345678&sort_code=54-01-05"
          "&created_before=2024-03-01T09:00:00Z&limit=500");
    auto fields = requests::get_counterparty_requirements("US", "USD", CounterpartyProfileType::business,
                                                          OpenEnum<CounterpartyRoute>(CounterpartyRoute::swift));
    CHECK(fields.target == "/1.0/counterparties/fields?country=US&currency=USD&recipient_type=business&route=swift");
}

TEST_CASE("counterparty list arguments are checked before sending", "[counterparties]") {
    require_invalid([] { requests::get_all_counterparties({}, std::nullopt, 0); });
    require_invalid([] { requests::get_all_counterparties({}, std::nullopt, 1001); });
    CounterpartyFilter sort_only;
    sort_only.sort_code = "540105";
    require_invalid([&] { requests::get_all_counterparties(sort_only, std::nullopt, std::nullopt); });
    CounterpartyFilter bic_only;
    bic_only.bic = "REVOGB21";
    require_invalid([&] { requests::get_all_counterparties(bic_only, std::nullopt, std::nullopt); });
    require_invalid([] { requests::get_all_counterparties({}, CreatedBefore{std::string("yesterday")}, 10); });
    require_invalid([] {
        requests::get_counterparty_requirements("gb", "GBP", CounterpartyProfileType::personal, std::nullopt);
    });
    require_invalid([] { requests::get_counterparty_requirements("GB", "GBP", {}, std::nullopt); });
    require_invalid([] { requests::get_counterparty(Uuid{}); });
}

TEST_CASE("create_counterparty sends the spec's field names, ifsc included", "[counterparties]") {
    CreateCounterpartyRequest r;
    r.company_name = "Anand Textiles Pvt";
    r.bank_country = "IN";
    r.currency = "INR";
    r.account_no = "50100012345678";
    r.ifsc = "HDFC0000123";
    r.route = CounterpartyRoute::swift;
    r.account_type = CounterpartyBankAccountType::checking;
    r.tax_id = "AAACA1234A";
    r.national_id = "N-1";
    r.phone = "+919812345678";
    r.business_registration_id = "U17100MH";
    r.bank_number = "033";
    r.branch_code = "0001";
    CounterpartyAddress address;
    address.street_line1 = "12 Linking Road";
    address.city = "Mumbai";
    address.country = "IN";
    address.postcode = "400050";
    r.address = address;
    auto request = requests::create_counterparty(r);
    CHECK(request.method == verb::post);
    CHECK(request.target == "/1.0/counterparty");
    CHECK(body_of(request) == boost::json::parse(R"({
        "company_name":"Anand Textiles Pvt","bank_country":"IN","currency":"INR",
        "account_no":"50100012345678","ifsc":"HDFC0000123",
        "address":{"street_line1":"12 Linking Road","city":"Mumbai","country":"IN","postcode":"400050"},
        "route":"swift","bank_number":"033","branch_code":"0001","account_type":"checking",
        "tax_id":"AAACA1234A","national_id":"N-1","phone":"+919812345678","business_registration_id":"U17100MH"})"));
    CHECK(request.json_body->find("isfc") == std::string::npos);

    CreateCounterpartyRequest revtag;
    revtag.profile_type = CounterpartyProfileType::personal;
    revtag.name = "Test User 3";
    revtag.revtag = "john3pvki";
    CHECK(body_of(requests::create_counterparty(revtag)) ==
          boost::json::parse(R"({"profile_type":"personal","revtag":"john3pvki","name":"Test User 3"})"));

    CreateCounterpartyRequest person;
    person.individual_name = IndividualName{std::string("Ines"), std::string("Varga")};
    person.bank_country = "GB";
    person.currency = "GBP";
    person.account_no = "12345678";
    person.sort_code = "54-01-05";
    CHECK(body_of(requests::create_counterparty(person)).at("individual_name") ==
          boost::json::parse(R"({"first_name":"Ines","last_name":"Varga"})"));
}

TEST_CASE("create_counterparty refuses inconsistent names and bad codes", "[counterparties]") {
    auto base = [] {
        CreateCounterpartyRequest r;
        r.company_name = "Fenwick Co.";
        r.bank_country = "GB";
        r.currency = "GBP";
        r.account_no = "12345678";
        r.sort_code = "540105";
        return r;
    };
    require_invalid([&] { auto r = base(); r.company_name.reset(); requests::create_counterparty(r); });
    require_invalid([&] { auto r = base(); r.name = "Fenwick"; requests::create_counterparty(r); });
    require_invalid([&] { auto r = base(); r.company_name = "12"; requests::create_counterparty(r); });
    require_invalid([&] { auto r = base(); r.bank_country = "GBR"; requests::create_counterparty(r); });
    require_invalid([&] { auto r = base(); r.currency = "gbp"; requests::create_counterparty(r); });
    require_invalid([&] { auto r = base(); r.bank_country.reset(); requests::create_counterparty(r); });
    require_invalid([&] { auto r = base(); r.bank_number = "33"; requests::create_counterparty(r); });
    require_invalid([&] { auto r = base(); r.tax_id = std::string(21, '1'); requests::create_counterparty(r); });
    require_invalid([&] {
        auto r = base();
        r.address = CounterpartyAddress{};
        r.address->country = "GB";  // no postcode
        requests::create_counterparty(r);
    });
    require_invalid([&] {
        auto r = base();
        r.company_name.reset();
        r.individual_name = IndividualName{std::string("Ines"), std::nullopt};
        requests::create_counterparty(r);
    });
    require_invalid([] {
        CreateCounterpartyRequest r;
        r.revtag = "john3pvki";  // no name
        requests::create_counterparty(r);
    });
}

TEST_CASE("validate_account_name sends each regional shape", "[counterparties]") {
    ValidateAccountNameRequest uk;
    uk.account = ValidateAccountNameRequest::Uk{"12345678", "54-01-05"};
    uk.individual_name = IndividualName{std::string("Tamsin"), std::string("Oduya")};
    auto uk_request = requests::validate_account_name(uk);
    CHECK(uk_request.target == "/1.0/account-name-validation");
    CHECK(body_of(uk_request) == boost::json::parse(R"({"account_no":"12345678","sort_code":"54-01-05",
        "individual_name":{"first_name":"Tamsin","last_name":"Oduya"}})"));

    ValidateAccountNameRequest eu;
    eu.account = ValidateAccountNameRequest::Iban{"LT479258808892168739", std::string("REVOLT21"), "LT", "EUR"};
    eu.company_name = "Saule UAB";
    CHECK(body_of(requests::validate_account_name(eu)) ==
          boost::json::parse(R"({"iban":"LT479258808892168739","bic":"REVOLT21","recipient_country":"LT",
              "recipient_currency":"EUR","company_name":"Saule UAB"})"));

    ValidateAccountNameRequest au;
    au.account = ValidateAccountNameRequest::Au{"486196918", "159517"};
    au.company_name = "Wattle Pty Ltd";
    CHECK(body_of(requests::validate_account_name(au)) ==
          boost::json::parse(R"({"account_no":"486196918","bsb":"159517","company_name":"Wattle Pty Ltd"})"));
}

TEST_CASE("validate_account_name checks account details and the name locally", "[counterparties]") {
    auto with = [](ValidateAccountNameRequest::Uk account) {
        ValidateAccountNameRequest r;
        r.account = account;
        r.company_name = "Fenwick Co.";
        return r;
    };
    require_invalid([&] { requests::validate_account_name(with({"12345678", "54-01-050"})); });
    require_invalid([&] { requests::validate_account_name(with({"1234567x", "540105"})); });
    ValidateAccountNameRequest bad_iban;
    bad_iban.account = ValidateAccountNameRequest::Iban{"LT479258808892168730", std::nullopt, "LT", "EUR"};
    bad_iban.company_name = "Saule UAB";
    require_invalid([&] { requests::validate_account_name(bad_iban); });
    ValidateAccountNameRequest bad_bsb;
    bad_bsb.account = ValidateAccountNameRequest::Au{"486196918", "15951"};
    bad_bsb.company_name = "Wattle Pty Ltd";
    require_invalid([&] { requests::validate_account_name(bad_bsb); });
    auto no_name = with({"12345678", "540105"});
    no_name.company_name.reset();
    require_invalid([&] { requests::validate_account_name(no_name); });
    auto both = with({"12345678", "540105"});
    both.individual_name = IndividualName{std::string("A"), std::string("B")};
    require_invalid([&] { requests::validate_account_name(both); });
    auto half = with({"12345678", "540105"});
    half.company_name.reset();
    half.individual_name = IndividualName{std::string("A"), std::nullopt};
    require_invalid([&] { requests::validate_account_name(half); });
}

TEST_CASE("update_counterparty_payment_method needs the whole address", "[counterparties]") {
    CounterpartyAddress address;
    address.street_line1 = "7 Mercer Walk";
    address.street_line2 = "Floor 3";
    address.city = "London";
    address.country = "GB";
    address.postcode = "EC2V 8PH";
    auto request = requests::update_counterparty_payment_method(cp_id, method_id, address);
    CHECK(request.method == verb::patch);
    CHECK(request.target ==
          "/1.0/counterparties/3a1f5c2e-7d4b-4e8a-9c61-2b5d8f0e4a17/payment-methods/"
          "9e2d7c41-0b3a-4f6e-8d25-6c1a9b7e3f08");
    CHECK(body_of(request) == boost::json::parse(R"({"address":{"street_line1":"7 Mercer Walk",
        "street_line2":"Floor 3","city":"London","country":"GB","postcode":"EC2V 8PH"}})"));
    for (auto drop : {0, 1, 2}) {
        auto partial = address;
        if (drop == 0) partial.street_line1.reset();
        if (drop == 1) partial.city.reset();
        if (drop == 2) partial.postcode.reset();
        require_invalid([&] { requests::update_counterparty_payment_method(cp_id, method_id, partial); });
    }
    auto long_postcode = address;
    long_postcode.postcode = std::string(16, '1');
    require_invalid([&] { requests::update_counterparty_payment_method(cp_id, method_id, long_postcode); });
}
