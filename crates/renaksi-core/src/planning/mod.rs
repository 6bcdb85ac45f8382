pub mod bands;
