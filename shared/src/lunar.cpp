// Lunar calendar from astronomical new moons and the sun's longitude (Jean Meeus, "Astronomical
// Algorithms"), the method the Vietnamese calendar is defined by: month starts are the days of
// new moons at UTC+7; month 11 contains the winter solstice; a leap month is the first month
// without a major solar term in a 13-month year.
#include "motcua/lunar.hpp"

#include <cmath>
#include <numbers>

namespace motcua::lunar {
namespace {

constexpr double kPi = std::numbers::pi;

long jd_from_date(int dd, int mm, int yy) {
    const int a = (14 - mm) / 12;
    const int y = yy + 4800 - a;
    const int m = mm + 12 * a - 3;
    long jd = dd + (153 * m + 2) / 5 + 365L * y + y / 4 - y / 100 + y / 400 - 32045;
    if (jd < 2299161)
        jd = dd + (153 * m + 2) / 5 + 365L * y + y / 4 - 32083;  // Julian calendar before 1582
    return jd;
}

Day date_from_jd(long jd) {
    // Julian day number 2440588 is 1970-01-01.
    return Day{date::sys_days{date::days{jd - 2440588}}};
}

// Julian day (fractional, UT) of the k-th new moon after 1900-01-01.
double new_moon(long k) {
    const double T = static_cast<double>(k) / 1236.85;
    const double T2 = T * T, T3 = T2 * T;
    const double dr = kPi / 180;
    double jd1 =
        2415020.75933 + 29.53058868 * static_cast<double>(k) + 0.0001178 * T2 - 0.000000155 * T3;
    jd1 += 0.00033 * std::sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
    const double M =
        359.2242 + 29.10535608 * static_cast<double>(k) - 0.0000333 * T2 - 0.00000347 * T3;  // sun
    const double Mpr = 306.0253 + 385.81691806 * static_cast<double>(k) + 0.0107306 * T2 +
                       0.00001236 * T3;  // moon
    const double F =
        21.2964 + 390.67050646 * static_cast<double>(k) - 0.0016528 * T2 - 0.00000239 * T3;
    double c1 = (0.1734 - 0.000393 * T) * std::sin(M * dr) + 0.0021 * std::sin(2 * dr * M);
    c1 = c1 - 0.4068 * std::sin(Mpr * dr) + 0.0161 * std::sin(dr * 2 * Mpr);
    c1 = c1 - 0.0004 * std::sin(dr * 3 * Mpr);
    c1 = c1 + 0.0104 * std::sin(dr * 2 * F) - 0.0051 * std::sin(dr * (M + Mpr));
    c1 = c1 - 0.0074 * std::sin(dr * (M - Mpr)) + 0.0004 * std::sin(dr * (2 * F + M));
    c1 = c1 - 0.0004 * std::sin(dr * (2 * F - M)) - 0.0006 * std::sin(dr * (2 * F + Mpr));
    c1 = c1 + 0.0010 * std::sin(dr * (2 * F - Mpr)) + 0.0005 * std::sin(dr * (2 * Mpr + M));
    double deltat;
    if (T < -11)
        deltat = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3;
    else
        deltat = -0.000278 + 0.000265 * T + 0.000262 * T2;
    return jd1 + c1 - deltat;
}

// The local day (as a Julian day number) of the k-th new moon.
long new_moon_day(long k, double tz) {
    return static_cast<long>(std::floor(new_moon(k) + 0.5 + tz / 24));
}

// The sun's apparent longitude at the start of local day jdn, as one of 12 sectors of 30°.
int sun_sector(long jdn, double tz) {
    const double T = (static_cast<double>(jdn) - 2451545.5 - tz / 24) / 36525;
    const double T2 = T * T;
    const double dr = kPi / 180;
    const double M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
    const double L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
    double DL = (1.914600 - 0.004817 * T - 0.000014 * T2) * std::sin(dr * M);
    DL += (0.019993 - 0.000101 * T) * std::sin(dr * 2 * M) + 0.000290 * std::sin(dr * 3 * M);
    double L = (L0 + DL) * dr;
    L -= kPi * 2 * std::floor(L / (kPi * 2));
    return static_cast<int>(std::floor(L / kPi * 6));
}

// The day month 11 of the lunar year that ends in solar year yy starts.
long month11(int yy, double tz) {
    const long off = jd_from_date(31, 12, yy) - 2415021;
    const long k = static_cast<long>(std::floor(static_cast<double>(off) / 29.530588853));
    long nm = new_moon_day(k, tz);
    if (sun_sector(nm, tz) >= 9)
        nm = new_moon_day(k - 1, tz);  // sun past 270°: month 11 began earlier
    return nm;
}

// Which month after month 11 is the leap month (the first without a major term).
int leap_month_offset(long a11, double tz) {
    const long k = static_cast<long>(
        std::floor((static_cast<double>(a11) - 2415021.076998695) / 29.530588853 + 0.5));
    int last = 0;
    int i = 1;
    int arc = sun_sector(new_moon_day(k + i, tz), tz);
    do {
        last = arc;
        ++i;
        arc = sun_sector(new_moon_day(k + i, tz), tz);
    } while (arc != last && i < 14);
    return i - 1;
}

}  // namespace

LunarDate from_solar(Day day, double tz) {
    const long jd = jd_from_date(static_cast<int>(static_cast<unsigned>(day.day())),
                                 static_cast<int>(static_cast<unsigned>(day.month())),
                                 static_cast<int>(day.year()));
    const long k =
        static_cast<long>(std::floor((static_cast<double>(jd) - 2415021.076998695) / 29.530588853));
    long month_start = new_moon_day(k + 1, tz);
    if (month_start > jd) month_start = new_moon_day(k, tz);
    const int yy = static_cast<int>(day.year());
    long a11 = month11(yy, tz);
    long b11 = a11;
    int lunar_year;
    if (a11 >= month_start) {
        lunar_year = yy;
        a11 = month11(yy - 1, tz);
    } else {
        lunar_year = yy + 1;
        b11 = month11(yy + 1, tz);
    }
    LunarDate out;
    out.day = static_cast<int>(jd - month_start + 1);
    const int diff = static_cast<int>(std::floor(static_cast<double>(month_start - a11) / 29));
    out.month = diff + 11;
    if (b11 - a11 > 365) {  // a leap year: 13 months between the two months 11
        const int leap_diff = leap_month_offset(a11, tz);
        if (diff >= leap_diff) {
            out.month = diff + 10;
            if (diff == leap_diff) out.leap = true;
        }
    }
    if (out.month > 12) out.month -= 12;
    if (out.month >= 11 && diff < 4) lunar_year -= 1;
    out.year = lunar_year;
    return out;
}

Day to_solar(const LunarDate& l, double tz) {
    long a11, b11;
    if (l.month < 11) {
        a11 = month11(l.year - 1, tz);
        b11 = month11(l.year, tz);
    } else {
        a11 = month11(l.year, tz);
        b11 = month11(l.year + 1, tz);
    }
    const long k = static_cast<long>(
        std::floor(0.5 + (static_cast<double>(a11) - 2415021.076998695) / 29.530588853));
    int off = l.month - 11;
    if (off < 0) off += 12;
    if (b11 - a11 > 365) {
        const int leap_off = leap_month_offset(a11, tz);
        int leap_month = leap_off - 2;
        if (leap_month < 0) leap_month += 12;
        if (l.leap && l.month != leap_month)
            return Day{date::year{0}, date::month{0}, date::day{0}};
        if (l.leap || off >= leap_off) off += 1;
    } else if (l.leap) {
        return Day{date::year{0}, date::month{0}, date::day{0}};
    }
    const long month_start = new_moon_day(k + off, tz);
    return date_from_jd(month_start + l.day - 1);
}

}  // namespace motcua::lunar
